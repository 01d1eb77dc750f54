using System.Diagnostics;
using System.Globalization;
using Catalogue.Core.Search;
using Microsoft.Data.Sqlite;

namespace Catalogue.Benchmarks.Search;

/// <summary>
/// Search at scale: builds the Lucene index from a seeded trilingual corpus (records/s, size on disk), runs a fixed query
/// mix for the top 20 with facet counts and snippets (p50, p99), then puts the same corpus into SQLite FTS5 and runs
/// the same queries there (bm25 ranking, snippet(), facet counts by GROUP BY over the matching rows) for comparison.
/// </summary>
internal sealed class SearchSuite : IBenchmarkSuite
{
    private const int Seed = 20021010;
    private const int BatchSize = 2000;
    private const int WarmUpRounds = 10;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(5);

    /// <summary>One query of the mix, as Lucene and FTS5 each spell it.</summary>
    private sealed record MixQuery(string Name, SearchRequest Lucene, string Match, string Filter = "", object[]? FilterArgs = null);

    private static readonly MixQuery[] Mix =
    [
        new("one word", Request("dragon"), "dragon"),
        new("three words", Request("celadon bowl lotus"), "celadon bowl lotus"),
        new("phrase", Request("\"stacking scar\""), "\"stacking scar\""),
        new("two facet filters", Request("glaze") with
        {
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Material] = ["stoneware"], [SearchFields.Period] = ["tran"] },
        }, "glaze", "AND d.period = 'tran' AND EXISTS (SELECT 1 FROM doc_materials x WHERE x.doc_id = d.id AND x.material = 'stoneware')"),
        new("dating range", Request("phoenix") with { YearFrom = 1010, YearTo = 1225 }, "phoenix", "AND d.year_from <= 1225 AND d.year_to >= 1010"),
        // FTS5's remove_diacritics drops tones and accents but keeps "đ" as a letter of its own: the word is asked for
        // both ways so that FTS5 finds what Lucene finds (otherwise it answers nothing, quickly).
        new("folded Vietnamese", Request("gom trang tri cung dinh"), "gom AND trang AND tri AND cung AND (dinh OR đinh)"),
    ];

    private static readonly string[] FacetColumns = ["type", "period", "site", "condition", "status", "has_image"];

    public string Name => "search";

    public string Description => "Lucene index build and query mix on a seeded trilingual corpus, against SQLite FTS5";

    public string Options => "[--records 1000000] [--runs 30] [--fts-runs 5] [--keep]";

    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!TryParse(args, out var records, out var runs, out var ftsRuns, out var keep, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync($"Usage: dotnet run -c Release --project tests/Catalogue.Benchmarks -- {Name} {Options}");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"catalogue-bench-search-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"Search benchmark: {records:N0} seeded trilingual records (seed {Seed}); {runs} runs per query for Lucene, {ftsRuns} for FTS5, after warm-up.");
            var metrics = new List<Metric>();

            // Lucene: build.
            var indexPath = Path.Combine(folder, "index");
            using var index = new SearchIndex(indexPath);
            var build = Stopwatch.StartNew();
            var batches = (records + BatchSize - 1) / BatchSize;
            var done = 0;
            using (var rebuild = index.BeginRebuild())
            {
                Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
                {
                    var start = b * BatchSize;
                    var end = Math.Min(records, start + BatchSize);
                    rebuild.Add(Enumerable.Range(start, end - start).Select(i => SyntheticCorpus.Record(Seed, i)));
                    var now = Interlocked.Add(ref done, end - start);
                    if (now % 100_000 < BatchSize)
                        Console.Write($"\r  indexing {now:N0} / {records:N0}");
                });
                rebuild.Complete();
            }

            index.WaitForMerges(); // merges still running would slow the queries timed next: they belong to the build
            build.Stop();
            Console.WriteLine($"\r  Lucene: {records:N0} records indexed in {build.Elapsed.TotalSeconds:N1} s");
            var recordsPerSecond = records / build.Elapsed.TotalSeconds;
            var indexMb = DirectorySize(indexPath) / 1024.0 / 1024.0;

            // Lucene: queries, the mix in turn (as users send them), after warm-up rounds that let the JIT settle: at
            // least ten rounds and five seconds (a round takes a few tens of milliseconds, and the runtime compiles
            // its optimized code in the background for a second or two after a method gets hot).
            var search = new CatalogueSearch(index);
            var luceneHits = new Dictionary<string, int>();
            var warmUp = Stopwatch.StartNew();
            var warmUpRounds = 0;
            while (warmUpRounds < WarmUpRounds || warmUp.Elapsed < WarmUpTime)
            {
                foreach (var query in Mix)
                    luceneHits[query.Name] = search.Search(query.Lucene).Total;
                warmUpRounds++;
            }

            Console.WriteLine($"  Lucene: {warmUpRounds} warm-up rounds in {warmUp.Elapsed.TotalSeconds:N1} s");

            var lucene = TimeRounds(runs, query => search.Search(query.Lucene));

            // FTS5: the same corpus and queries.
            var dbPath = Path.Combine(folder, "fts.db");
            var ftsBuild = Stopwatch.StartNew();
            await using (var connection = Open(dbPath))
                BuildFts(connection, records);
            ftsBuild.Stop();
            Console.WriteLine($"  FTS5: {records:N0} records inserted in {ftsBuild.Elapsed.TotalSeconds:N1} s");
            Dictionary<string, List<double>> fts;
            var ftsHits = new Dictionary<string, int>();
            await using (var connection = Open(dbPath))
            {
                foreach (var query in Mix)
                    ftsHits[query.Name] = RunFts(connection, query);
                fts = TimeRounds(ftsRuns, query => RunFts(connection, query));
            }

            var allLucene = lucene.Values.SelectMany(v => v).ToList();
            var allFts = fts.Values.SelectMany(v => v).ToList();
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
            metrics.Add(new Metric("lucene.p50.ms", Round(Percentile(allLucene, 50)), "ms"));
            metrics.Add(new Metric("lucene.p99.ms", Round(Percentile(allLucene, 99)), "ms"));
            metrics.Add(new Metric("fts5.p50.ms", Round(Percentile(allFts, 50)), "ms"));
            metrics.Add(new Metric("fts5.p99.ms", Round(Percentile(allFts, 99)), "ms"));
            metrics.Add(new Metric("ratio.p50", Round(Percentile(allFts, 50) / Percentile(allLucene, 50)), "x"));
            metrics.Add(new Metric("ratio.p99", Round(Percentile(allFts, 99) / Percentile(allLucene, 99)), "x"));
            metrics.Add(new Metric("index.records_per_s", Math.Round(recordsPerSecond), "records/s"));
            metrics.Add(new Metric("index.mb", Round(indexMb), "MB"));
            metrics.Add(new Metric("fts5.index.records_per_s", Math.Round(records / ftsBuild.Elapsed.TotalSeconds), "records/s"));
            metrics.Add(new Metric("fts5.index.mb", Round(new FileInfo(dbPath).Length / 1024.0 / 1024.0), "MB"));
            metrics.Add(new Metric("peak_memory.mb", Round(peakMb), "MB"));

            Console.WriteLine();
            Console.WriteLine(Table.Format(
                ["query", "lucene hits", "lucene p50 ms", "lucene p99 ms", "fts5 hits", "fts5 p50 ms", "fts5 p99 ms", "ratio p50"],
                Mix.Select(q => (IReadOnlyList<string>)
                [
                    q.Name, luceneHits[q.Name].ToString("N0", CultureInfo.InvariantCulture),
                    Ms(Percentile(lucene[q.Name], 50)), Ms(Percentile(lucene[q.Name], 99)),
                    ftsHits[q.Name].ToString("N0", CultureInfo.InvariantCulture),
                    Ms(Percentile(fts[q.Name], 50)), Ms(Percentile(fts[q.Name], 99)),
                    (Percentile(fts[q.Name], 50) / Percentile(lucene[q.Name], 50)).ToString("N1", CultureInfo.InvariantCulture),
                ])));
            Console.WriteLine();
            Console.WriteLine(Table.Format(["metric", "value", "unit"],
                metrics.Select(m => (IReadOnlyList<string>)[m.Name, m.Value.ToString("N2", CultureInfo.InvariantCulture), m.Unit])));
            var path = await BenchmarkReport.Create(Name, new { records, seed = Seed, runs, ftsRuns, queries = Mix.Select(q => q.Name) }, metrics).WriteAsync();
            Console.WriteLine();
            Console.WriteLine($"Results written to {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep)
                Directory.Delete(folder, recursive: true);
            else
                Console.WriteLine($"Kept the index and the FTS5 database in {folder}");
        }
    }

    private static SearchRequest Request(string text) => new() { Text = text, PublicOnly = false, PageSize = 20 };

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        return connection;
    }

    private static void BuildFts(SqliteConnection connection, int records)
    {
        Execute(connection, """
            CREATE TABLE docs(id INTEGER PRIMARY KEY, number TEXT, type TEXT, period TEXT, site TEXT, condition TEXT, status TEXT,
                              has_image TEXT, year_from INTEGER, year_to INTEGER);
            CREATE TABLE doc_materials(doc_id INTEGER, material TEXT);
            CREATE INDEX doc_materials_doc ON doc_materials(doc_id, material);
            CREATE VIRTUAL TABLE fts USING fts5(title, description, inscription, labels, tokenize = 'unicode61 remove_diacritics 2');
            """);
        using var transaction = connection.BeginTransaction();
        using var doc = Command(connection, "INSERT INTO docs VALUES ($id, $number, $type, $period, $site, $condition, $status, $image, $from, $to)",
            "$id", "$number", "$type", "$period", "$site", "$condition", "$status", "$image", "$from", "$to");
        using var material = Command(connection, "INSERT INTO doc_materials VALUES ($id, $material)", "$id", "$material");
        using var text = Command(connection, "INSERT INTO fts(rowid, title, description, inscription, labels) VALUES ($id, $title, $description, $inscription, $labels)",
            "$id", "$title", "$description", "$inscription", "$labels");
        for (var i = 0; i < records; i++)
        {
            var r = SyntheticCorpus.Record(Seed, i);
            Set(doc, r.Id, r.Number, r.ObjectType, r.Period, r.Site, r.Condition, r.Status, r.HasImage ? "yes" : "no", r.EarliestYear, r.LatestYear);
            doc.ExecuteNonQuery();
            foreach (var m in r.Materials)
            {
                Set(material, r.Id, m);
                material.ExecuteNonQuery();
            }

            Set(text, r.Id, $"{r.Title.Vi}\n{r.Title.Fr}\n{r.Title.En}", $"{r.Description.Vi}\n{r.Description.Fr}\n{r.Description.En}", r.Inscription, string.Join(' ', r.TermLabels));
            text.ExecuteNonQuery();
            if ((i + 1) % 100_000 == 0)
                Console.Write($"\r  inserting into FTS5 {i + 1:N0} / {records:N0}");
        }

        transaction.Commit();
        Console.Write('\r');
    }

    /// <summary>Top 20 by bm25 with snippets, then every facet counted by GROUP BY over the matching rows; returns the hit count.</summary>
    private static int RunFts(SqliteConnection connection, MixQuery query)
    {
        using (var top = connection.CreateCommand())
        {
            top.CommandText = $"""
                SELECT d.number, snippet(fts, 1, '<mark>', '</mark>', '…', 24)
                FROM fts JOIN docs d ON d.id = fts.rowid
                WHERE fts MATCH $q {query.Filter}
                ORDER BY bm25(fts) LIMIT 20
                """;
            top.Parameters.AddWithValue("$q", query.Match);
            using var reader = top.ExecuteReader();
            while (reader.Read())
                _ = reader.GetString(1);
        }

        var unions = string.Join(" UNION ALL ", FacetColumns.Select(c => $"SELECT '{c}', {c}, count(*) FROM m GROUP BY {c}"));
        using var facets = connection.CreateCommand();
        facets.CommandText = $"""
            WITH m AS MATERIALIZED (SELECT d.* FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH $q {query.Filter})
            SELECT 'total', NULL, count(*) FROM m
            UNION ALL {unions}
            UNION ALL SELECT 'material', x.material, count(*) FROM m JOIN doc_materials x ON x.doc_id = m.id GROUP BY x.material
            """;
        facets.Parameters.AddWithValue("$q", query.Match);
        using var counts = facets.ExecuteReader();
        var total = 0;
        while (counts.Read())
        {
            if (counts.GetString(0) == "total")
                total = counts.GetInt32(2);
        }

        return total;
    }

    /// <summary>Times every query of the mix once per round, for <paramref name="rounds"/> rounds.</summary>
    private static Dictionary<string, List<double>> TimeRounds(int rounds, Action<MixQuery> run)
    {
        var times = Mix.ToDictionary(q => q.Name, _ => new List<double>(rounds));
        for (var r = 0; r < rounds; r++)
        {
            foreach (var query in Mix)
            {
                var clock = Stopwatch.StartNew();
                run(query);
                times[query.Name].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long DirectorySize(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = percentile / 100.0 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    private static double Round(double value) => Math.Round(value, 2);

    private static string Ms(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static bool TryParse(IReadOnlyList<string> args, out int records, out int runs, out int ftsRuns, out bool keep, out string error)
    {
        (records, runs, ftsRuns, keep, error) = (1_000_000, 30, 5, false, string.Empty);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            int parsed;
            switch (args[i])
            {
                case "--records" when value is not null && int.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out parsed) && parsed > 0:
                    records = parsed;
                    i++;
                    break;
                case "--runs" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out parsed) && parsed > 0:
                    runs = parsed;
                    i++;
                    break;
                case "--fts-runs" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out parsed) && parsed > 0:
                    ftsRuns = parsed;
                    i++;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    error = $"Unknown or incomplete option \"{args[i]}\" (--records, --runs and --fts-runs need a positive whole number).";
                    return false;
            }
        }

        return true;
    }
}
