namespace Catalogue.Core.Artifacts;

/// <summary>Who may see a record: staff only while drafting, all staff, or the public.</summary>
public enum PublicationStatus
{
    Draft,
    Internal,
    Published,
}
