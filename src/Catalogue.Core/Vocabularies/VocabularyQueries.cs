using System.Globalization;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Vocabularies;

public sealed class VocabularyQueries(CatalogueDbContext db)
{
    /// <summary>The terms of one vocabulary in display order (periods chronologically).</summary>
    public async Task<IReadOnlyList<VocabularyTerm>> ListAsync(Vocabulary vocabulary, CancellationToken cancellationToken = default)
    {
        var terms = await db.Terms.AsNoTracking().Where(t => t.Vocabulary == vocabulary).ToListAsync(cancellationToken);
        // Terms without an order of their own are listed by their label in the reader's language (the current UI
        // culture): by the English one, a French or Vietnamese list looked shuffled.
        var reader = CultureInfo.CurrentUICulture;
        return terms.OrderBy(t => t.SortOrder).ThenBy(t => t.StartYear)
            .ThenBy(t => t.Label.In(reader.TwoLetterISOLanguageName), StringComparer.Create(reader, ignoreCase: true)).ToList();
    }

    public Task<VocabularyTerm?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Terms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<IReadOnlyDictionary<Vocabulary, int>> CountsAsync(CancellationToken cancellationToken = default) =>
        await db.Terms.GroupBy(t => t.Vocabulary).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
