using Catalogue.Core.Media;

namespace Catalogue.Web.Pages;

/// <summary>
/// What the image gallery partial shows: a record's photographs, where to post to remove one (none: not here), and the
/// button's words (a localizer key). With <see cref="PublicTitle"/>, the public page: each photograph is described by the
/// object's title and its place in the series, never by the file name the museum stored it under.
/// </summary>
public sealed record ImageGalleryModel(IReadOnlyList<MediaImageView> Images, string? DetachAction = null, string DetachLabel = "Remove from this object", string? PublicTitle = null);
