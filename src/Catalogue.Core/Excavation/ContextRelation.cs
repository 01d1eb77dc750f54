using Catalogue.Core.Common;
using Catalogue.Core.Excavation.Stratigraphy;

namespace Catalogue.Core.Excavation;

/// <summary>
/// A stratigraphic relation between two contexts of one site, stored once in its canonical direction
/// ("12 above 15", never also "15 below 12") and read from either side.
/// </summary>
public sealed class ContextRelation : IAudited
{
    private ContextRelation()
    {
        SiteCode = string.Empty;
        Description = string.Empty;
        CreatedBy = string.Empty;
    }

    internal ContextRelation(Context from, StratigraphicRelationType type, Context to, DateTime at, string by)
    {
        if (from.SiteId != to.SiteId || from.SiteCode != to.SiteCode)
            throw new DomainRuleException("To", "Both contexts of a relation must belong to the same site.");
        From = from;
        To = to;
        SiteId = from.SiteId;
        SiteCode = from.SiteCode;
        Type = type;
        CreatedAt = at;
        CreatedBy = by;
        Description = $"{from.Number} {type.Phrase()} {to.Number}";
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public string SiteCode { get; private set; }
    public int FromContextId { get; private set; }
    public Context? From { get; private set; }
    public StratigraphicRelationType Type { get; private set; }
    public int ToContextId { get; private set; }
    public Context? To { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }

    /// <summary>"12 above 15": the relation as written, for the history.</summary>
    public string Description { get; private set; }

    string IAudited.AuditType => "Relation";
    string IAudited.AuditKey => $"{SiteCode}: {Description}";

    public static ContextRelation Record(Context from, StratigraphicRelationType type, Context to, DateTime at, string by) =>
        new(from, type, to, at, by);
}
