namespace Catalogue.Core.Common;

/// <summary>
/// An editable record: who created and last changed it, and an application-managed version
/// that is bumped on every save and checked on update so a second editor cannot overwrite the first.
/// </summary>
public interface ITrackedEntity
{
    DateTime CreatedAt { get; set; }
    string CreatedBy { get; set; }
    DateTime UpdatedAt { get; set; }
    string UpdatedBy { get; set; }
    int Version { get; set; }
}

/// <summary>A record whose changes are written to the change history under a stable, human key.</summary>
public interface IAudited
{
    /// <summary>The record kind shown in the history, e.g. "Artifact".</summary>
    string AuditType { get; }

    /// <summary>The natural key, e.g. an accession number; known before the row is inserted.</summary>
    string AuditKey { get; }
}

/// <summary>A row of a collection owned by an audited record (e.g. an artifact's materials).</summary>
public interface IAuditedCollectionItem
{
    /// <summary>
    /// The owning record as tracked by the context. Resolved through the context because EF clears
    /// the navigation of an item removed from its collection, and the removal must still be recorded.
    /// </summary>
    IAudited? OwnerIn(Microsoft.EntityFrameworkCore.DbContext context);

    string CollectionName { get; }

    /// <summary>A readable value for the history; may be resolved through the context.</summary>
    string DescribeFor(Microsoft.EntityFrameworkCore.DbContext context);
}

/// <summary>
/// An audited record kept inside a tracked one (a treatment's step): a change to the part is a change to the whole,
/// so the whole's version moves on and a second editor of the whole is told.
/// </summary>
public interface IAuditedPart
{
    /// <summary>The whole as tracked by the context (resolved through it when EF has cleared the navigation).</summary>
    ITrackedEntity? WholeIn(Microsoft.EntityFrameworkCore.DbContext context);
}
