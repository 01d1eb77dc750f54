namespace Catalogue.Web;

/// <summary>Marker for the shared UI text resources (Resources/SharedResource.resx); keys are the English text.</summary>
public sealed class SharedResource;
