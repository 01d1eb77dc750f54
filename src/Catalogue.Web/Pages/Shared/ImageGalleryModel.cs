using Catalogue.Core.Media;

namespace Catalogue.Web.Pages;

/// <summary>What the image gallery partial shows: an object's photographs, and whether they may be removed here.</summary>
public sealed record ImageGalleryModel(string AccessionNumber, IReadOnlyList<MediaImageView> Images, bool CanDetach = false);
