using Catalogue.Core.Media;

namespace Catalogue.Web.Pages;

/// <summary>What the image gallery partial shows: a record's photographs, where to post to remove one (none: not here), and the button's words (a localizer key).</summary>
public sealed record ImageGalleryModel(IReadOnlyList<MediaImageView> Images, string? DetachAction = null, string DetachLabel = "Remove from this object");
