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
        SearchFields.TextFolded, SearchFields.TitleFolded, SearchFields.InscriptionFolded, SearchFields.StaffFolded,
    ];

    private readonly HashSet<string> _terms = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    /// <summary>The terms the query looks for in the folded fields (exact fields hold the same words with diacritics).</summary>
    public Snippets(Query query) => Collect(query);

    public bool IsEmpty => _terms.Count == 0 && _prefixes.Count == 0;

    /// <summary>The best passage of the first text that mentions the most query words, else the start of the first text.</summary>
    public string Build(IEnumerable<string?> texts)
    {
        var candidates = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        if (candidates.Count == 0)
            return string.Empty;
        (string Text, List<(int Start, int End)> Marks)? best = null;
        if (!IsEmpty)
        {
            foreach (var text in candidates)
            {
                var marks = Matches(text);
                if (marks.Count > 0 && (best is null || marks.Count > best.Value.Marks.Count))
                    best = (text, marks);
            }
        }

        var (chosen, ranges) = best ?? (candidates[0], []);
        return Render(chosen, ranges);
    }

    private List<(int Start, int End)> Matches(string text)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var (term, start, end) in SearchAnalysis.Tokens(SearchAnalysis.Folded, SearchFields.TextFolded, text))
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

    private static string Render(string text, List<(int Start, int End)> marks)
    {
        var from = 0;
        if (marks.Count > 0 && marks[0].Start > Lead)
        {
            from = marks[0].Start - Lead;
            var space = text.IndexOf(' ', from);
            if (space >= 0 && space < marks[0].Start)
                from = space + 1;
        }

        var to = Math.Min(text.Length, from + Length);
        if (to < text.Length)
        {
            var space = text.LastIndexOf(' ', to);
            if (space > from + (Length / 2))
                to = space;
        }

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
            case TermQuery term when FoldedFields.Contains(term.Term.Field):
                _terms.Add(term.Term.Text);
                break;
            case PhraseQuery phrase:
                foreach (var t in phrase.GetTerms().Where(t => FoldedFields.Contains(t.Field)))
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
}
