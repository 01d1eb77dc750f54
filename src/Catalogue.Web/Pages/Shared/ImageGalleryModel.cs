using Catalogue.Core.Media;

namespace Catalogue.Web.Pages;

/// <summary>What the image gallery partial shows: a record's photographs, and where to post to remove one (none: not here).</summary>
public sealed record ImageGalleryModel(IReadOnlyList<MediaImageView> Images, string? DetachAction = null);
