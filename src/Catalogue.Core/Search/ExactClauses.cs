using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// Drops the parts of a query that cannot change which records rank first, before it is run against an index:
/// <list type="bullet">
/// <item>A word's as-typed clause (which lifts records carrying the query's own diacritics) when, in this index, every
/// record holding the folded word also holds it as typed ("dragon" is never written otherwise): the clause would add
/// the same share to every match, so the folded word alone, boosted by the same amount, ranks the records the same way
/// while reading one list of documents instead of two.</item>
/// <item>Any optional clause whose terms no record holds (a staff-only field that does not have the word, or an
/// as-typed form nobody wrote): it scores nothing and only costs the search a scorer.</item>
/// </list>
/// Everything else is kept as the parser built it.
/// </summary>
internal static class ExactClauses
{
    public static Query Prune(Query query, TermCounts reader)
    {
        if (query is not BooleanQuery boolean)
            return query;
        var clauses = boolean.Clauses;
        if (clauses.Count == 2 && clauses[0].Occur == Occur.MUST && clauses[1].Occur == Occur.SHOULD
            && Twin(clauses[0].Query, clauses[1].Query, reader) is { } sameDocuments)
        {
            var folded = (Query)clauses[0].Query.Clone();
            if (sameDocuments)
                folded.Boost += clauses[1].Query.Boost; // the as-typed clause's share, given to every match as it was
            else if (!boolean.CoordDisabled)
                folded.Boost *= 0.5f; // the coordination factor of one clause matched out of two, as every match had
            folded.Boost *= boolean.Boost;
            return folded;
        }

        var pruned = new BooleanQuery(boolean.CoordDisabled)
        {
            Boost = boolean.Boost,
            MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch,
        };
        var dropped = 0;
        var dead = clauses.Select(c => c.Occur != Occur.MUST_NOT && CannotMatch(c.Query, reader)).ToArray();
        var alive = clauses.Where((c, i) => c.Occur != Occur.MUST_NOT && !dead[i]).Count();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (clause.Occur == Occur.SHOULD && boolean.MinimumNumberShouldMatch == 0 && dead[i] && alive > 0)
            {
                dropped++;
                continue;
            }

            pruned.Add(clause.Occur == Occur.MUST_NOT ? clause.Query : Prune(clause.Query, reader), clause.Occur);
        }

        // Coordination divides a match's score by the number of clauses it could have matched: keep the divisor.
        var scoring = clauses.Count(c => c.Occur != Occur.MUST_NOT);
        if (dropped > 0 && !boolean.CoordDisabled)
            pruned.Boost *= (scoring - dropped) / (float)scoring;
        return pruned;
    }

    /// <summary>
    /// For a folded clause and its as-typed twin: true when the twin matches exactly the records the folded clause
    /// matches, false when it matches none, null when it matches some (and so decides the order).
    /// </summary>
    private static bool? Twin(Query folded, Query exact, TermCounts reader)
    {
        switch (folded, exact)
        {
            case (TermQuery f, TermQuery e) when !IsExact(f.Term) && IsExact(e.Term):
                return Compare(reader.DocFreq(f.Term), reader.DocFreq(e.Term));
            case (PhraseQuery f, PhraseQuery e):
                var (fTerms, eTerms) = (f.GetTerms(), e.GetTerms());
                if (fTerms.Length != eTerms.Length || fTerms.Length == 0 || fTerms.Any(IsExact) || !eTerms.All(IsExact))
                    return null;
                var all = true;
                for (var i = 0; i < fTerms.Length; i++)
                {
                    var same = Compare(reader.DocFreq(fTerms[i]), reader.DocFreq(eTerms[i]));
                    if (same == false)
                        return false;
                    all &= same == true;
                }

                return all ? true : null;
            default:
                return null;
        }
    }

    // Every as-typed term is indexed beside its folded twin, so the records holding it are a subset of the folded
    // term's: equal counts mean the same records.
    private static bool? Compare(int foldedCount, int exactCount) =>
        exactCount == 0 ? false : exactCount == foldedCount ? true : null;

    private static bool CannotMatch(Query query, TermCounts reader) => query switch
    {
        TermQuery term => reader.DocFreq(term.Term) == 0,
        PhraseQuery phrase => phrase.GetTerms().Any(t => reader.DocFreq(t) == 0),
        BooleanQuery boolean => boolean.Clauses.Any(c => c.Occur == Occur.MUST && CannotMatch(c.Query, reader))
            || (boolean.Clauses.All(c => c.Occur == Occur.SHOULD) && boolean.Clauses.All(c => CannotMatch(c.Query, reader))),
        _ => false,
    };

    private static bool IsExact(Term term) => term.Text.Length > 0 && term.Text[0] == SearchAnalysis.ExactMarker;
}
