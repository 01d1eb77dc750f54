using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Search;

namespace Catalogue.Core.Search;

/// <summary>
/// Highlighted snippets written by us (the Highlighter module is not available): the stored text is run through the
/// folded analyzer and the words whose terms the query looked for are wrapped in &lt;mark&gt;. The result is HTML
/// in which everything but our &lt;mark&gt; tags is encoded.
/// </summary>
internal sealed class Snippets
{
    public const int Length = 200;
    private const int Lead = 50;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly HashSet<string> FoldedFields =
    [
        SearchFields.Text, SearchFields.Title, SearchFields.Inscription, SearchFields.Staff,
    ];

    private readonly HashSet<string> _terms = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    /// <summary>The terms the query looks for in the folded fields (exact fields hold the same words with diacritics).</summary>
    public Snippets(Query query) => Collect(query);

    public bool IsEmpty => _terms.Count == 0 && _prefixes.Count == 0;

    /// <summary>
    /// The passage around the first query word of the text that holds the most of them: of the
    /// <paramref name="preferred"/> texts (the reader's language) when one holds any, else of all; and with no query word
    /// in any, the start of the first text. Only that passage goes through the analyzer (a cheap folded scan finds it),
    /// so snippets stay fast.
    /// </summary>
    public string Build(IEnumerable<string?> preferred, IEnumerable<string?> others)
    {
        var first = NonBlank(preferred);
        var candidates = first.Concat(NonBlank(others)).ToList();
        if (candidates.Count == 0)
            return string.Empty;
        var (best, bestAt) = Best(first);
        if (best is null)
            (best, bestAt) = Best(candidates);
        if (best is null)
        {
            var (from, to) = Window(candidates[0], 0);
            return Render(candidates[0], [], from, to);
        }

        var (start, end) = Window(best, bestAt);
        var marks = Matches(best[start..end]).Select(m => (m.Start + start, m.End + start)).ToList();
        return Render(best, marks, start, end);
    }

    private static List<string> NonBlank(IEnumerable<string?> texts) => texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();

    /// <summary>The text holding the most query words (the earliest of equals) and where the first stands; null for none.</summary>
    private (string? Text, int At) Best(List<string> candidates)
    {
        string? best = null;
        var bestCount = 0;
        var bestAt = 0;
        if (!IsEmpty && candidates.Count > 0)
        {
            var buffer = ArrayPool<char>.Shared.Rent(candidates.Max(t => t.Length));
            try
            {
                foreach (var text in candidates)
                {
                    var scan = buffer.AsSpan(0, text.Length);
                    SearchAnalysis.FoldForScan(text, scan);
                    var (count, first) = (0, int.MaxValue);
                    foreach (var needle in _terms.Concat(_prefixes))
                    {
                        var at = scan.IndexOf(needle, StringComparison.Ordinal);
                        if (at < 0)
                            continue;
                        count++;
                        first = Math.Min(first, at);
                    }

                    if (count > bestCount)
                        (best, bestCount, bestAt) = (text, count, first);
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        return (best, bestAt);
    }

    private static (int From, int To) Window(string text, int firstMatch)
    {
        var from = 0;
        if (firstMatch > Lead)
        {
            from = firstMatch - Lead;
            var space = text.IndexOf(' ', from);
            if (space >= 0 && space < firstMatch)
                from = space + 1;
        }

        var to = Math.Min(text.Length, from + Length);
        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to);
            if (space > from + (Length / 2))
                to = space;
        }

        return (from, to);
    }

    private List<(int Start, int End)> Matches(string text)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var (term, start, end) in SearchAnalysis.Tokens(SearchAnalysis.Folded, SearchFields.Text, text))
        {
            if (_terms.Contains(term) || _prefixes.Exists(p => term.StartsWith(p, StringComparison.Ordinal)))
            {
                if (ranges.Count > 0 && start <= ranges[^1].End)
                    ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, end)); // CJK bigrams overlap
                else
                    ranges.Add((start, end));
            }
        }

        return ranges;
    }

    private static string Render(string text, List<(int Start, int End)> marks, int from, int to)
    {
        var html = new StringBuilder();
        if (from > 0)
            html.Append('…');
        var at = from;
        foreach (var (start, end) in marks.Where(m => m.Start >= from && m.End <= to))
        {
            html.Append(Encoder.Encode(text[at..start])).Append("<mark>").Append(Encoder.Encode(text[start..end])).Append("</mark>");
            at = end;
        }

        html.Append(Encoder.Encode(text[at..to]));
        if (to < text.Length)
            html.Append('…');
        return html.ToString().Replace("&#xA;", " ", StringComparison.Ordinal);
    }

    private void Collect(Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                    Collect(clause.Query);
                break;
            case TermQuery term when IsFolded(term.Term):
                _terms.Add(term.Term.Text);
                break;
            case PhraseQuery phrase:
                foreach (var t in phrase.GetTerms().Where(IsFolded))
                    _terms.Add(t.Text);
                break;
            case PrefixQuery prefix when FoldedFields.Contains(prefix.Prefix.Field):
                _prefixes.Add(prefix.Prefix.Text);
                break;
            case WildcardQuery wildcard when FoldedFields.Contains(wildcard.Term.Field):
                var head = wildcard.Term.Text.Split('*', '?')[0];
                if (head.Length > 0)
                    _prefixes.Add(head);
                break;
            case FuzzyQuery fuzzy when FoldedFields.Contains(fuzzy.Term.Field):
                _terms.Add(fuzzy.Term.Text);
                break;
            case FilteredQuery filtered:
                Collect(filtered.Query);
                break;
        }
    }

    // Words as typed carry the exact marker; their folded twins are what the snippet's folded analysis produces.
    private static bool IsFolded(Lucene.Net.Index.Term term) =>
        FoldedFields.Contains(term.Field) && term.Text.Length > 0 && term.Text[0] != SearchAnalysis.ExactMarker;
}
