using Catalogue.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Conservation;

/// <summary>
/// A dated, attributed, reasoned correction to a conservation record that stands as written (a signed-off treatment, a
/// condition report past its day of correction): the original text stays as it was, and the correction is shown beside it.
/// </summary>
public abstract class Amendment : IAuditedCollectionItem
{
    public const int ReasonMaxLength = 1000;
    public const int SectionMaxLength = 100;
    public const int AuthorMaxLength = 200;

    protected Amendment()
    {
        Author = string.Empty;
        Reason = string.Empty;
        Text = string.Empty;
    }

    protected Amendment(DateTime at, string author, string? reason, string? section, string? text, int textMaxLength)
    {
        if (string.IsNullOrWhiteSpace(author))
            throw new DomainRuleException(nameof(Author), "Author must name a person.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException(nameof(Reason), "An amendment needs a reason.");
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainRuleException(nameof(Text), "An amendment needs the corrected text.");
        Common.Text.Check(nameof(Author), author, AuthorMaxLength);
        Common.Text.Check(nameof(Reason), reason, ReasonMaxLength);
        Common.Text.Check(nameof(Section), section, SectionMaxLength);
        Common.Text.Check(nameof(Text), text, textMaxLength);
        At = at;
        Author = author.Trim();
        Reason = Common.Text.Clean(reason)!;
        Section = Common.Text.Clean(section);
        Text = Common.Text.Clean(text)!;
    }

    public int Id { get; private set; }
    public DateTime At { get; private set; }
    public string Author { get; private set; }
    public string Reason { get; private set; }

    /// <summary>Which part of the record it corrects, e.g. "Step 2", "Outcome" or "Recommendation".</summary>
    public string? Section { get; private set; }

    public string Text { get; private set; }

    /// <summary>The record corrected, as the change history names it.</summary>
    protected abstract IAudited? Owner(DbContext context);

    IAudited? IAuditedCollectionItem.OwnerIn(DbContext context) => Owner(context);

    string IAuditedCollectionItem.CollectionName => "Amendments";

    string IAuditedCollectionItem.DescribeFor(DbContext context) => $"{Section ?? "record"}: {Text} (reason: {Reason})";
}
