using Catalogue.Benchmarks;
using Catalogue.Benchmarks.Matrix;
using Catalogue.Benchmarks.Search;
using Catalogue.Benchmarks.Thumbnails;

// One entry per suite; a suite parses its own options and writes bench-results/<name>.json.
IBenchmarkSuite[] suites = [new MatrixSuite(), new SearchSuite(), new ThumbnailsSuite()];

if (args.Length == 0 || args[0] is "-h" or "--help" || suites.FirstOrDefault(s => s.Name == args[0]) is not { } suite)
{
    if (args.Length > 0 && args[0] is not ("-h" or "--help"))
        await Console.Error.WriteLineAsync($"Unknown benchmark suite \"{args[0]}\".");
    await Console.Error.WriteLineAsync("Usage: dotnet run -c Release --project tests/Catalogue.Benchmarks -- <suite> [options]");
    await Console.Error.WriteLineAsync("Suites:");
    foreach (var known in suites)
        await Console.Error.WriteLineAsync($"  {known.Name,-10} {known.Description}\n             options: {known.Options}");
    return args.Length > 0 && args[0] is "-h" or "--help" ? 0 : 2;
}

return await suite.RunAsync(args[1..]);
