using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;

namespace Catalogue.Core.Locations;

/// <summary>
/// One object's move: from, to, when, who, why. Kept forever; the current location is the latest move.
/// A move to a loan records the borrower instead of a storage location.
/// </summary>
public sealed class Movement : IAudited
{
    public const int ReasonMaxLength = 500;

    private Movement()
    {
        MovedBy = string.Empty;
        Reason = string.Empty;
        ArtifactAccessionNumber = string.Empty;
    }

    internal Movement(Artifact artifact, int? fromLocationId, int? toLocationId, int? loanId, DateTime movedAt, string movedBy, string reason, Guid batch)
    {
        Artifact = artifact;
        ArtifactAccessionNumber = artifact.AccessionNumber;
        FromLocationId = fromLocationId;
        ToLocationId = toLocationId;
        LoanId = loanId;
        MovedAt = movedAt;
        MovedBy = movedBy;
        Reason = reason;
        Batch = batch;
    }

    public long Id { get; private set; }
    public int ArtifactId { get; private set; }
    public Artifact? Artifact { get; private set; }

    /// <summary>Copied for the audit key and history (the artifact is not always loaded).</summary>
    public string ArtifactAccessionNumber { get; private set; }

    public int? FromLocationId { get; private set; }
    public StorageLocation? FromLocation { get; private set; }
    public int? ToLocationId { get; private set; }
    public StorageLocation? ToLocation { get; private set; }

    /// <summary>Set when the object left on (or came back from) a loan.</summary>
    public int? LoanId { get; private set; }
    public Exhibitions.Loan? Loan { get; private set; }

    public DateTime MovedAt { get; private set; }
    public string MovedBy { get; private set; }
    public string Reason { get; private set; }

    /// <summary>Moves made together (a box, a list) share one batch.</summary>
    public Guid Batch { get; private set; }

    string IAudited.AuditType => "Movement";
    string IAudited.AuditKey => ArtifactAccessionNumber;
}
