namespace Catalogue.Web.Pages;

/// <summary>The upload form: where it posts, and whether the photographs are marked as before or after (treatment steps).</summary>
public sealed record ImageUploadModel(string Action, bool ChooseRole = false);
