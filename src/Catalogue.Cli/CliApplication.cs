using System.CommandLine;
using Catalogue.Core;
using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Catalogue.Core.Media;
using Catalogue.Core.Samples;
using Catalogue.Core.Search;
using Catalogue.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Catalogue.Cli;

/// <summary>
/// The admin command line: <c>users add</c>, <c>users list</c>, <c>tokens create</c>, <c>seed</c>, <c>verify-audit</c>, <c>reindex</c>, <c>thumbnails</c>, <c>media attach</c>.
/// Reads the same configuration keys as the web app (<c>Catalogue__DataDirectory</c>, or <c>--data-dir</c>).
/// </summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextReader input, IAnsiConsole console, bool inputRedirected = true)
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "The data directory (overrides Catalogue:DataDirectory)", Recursive = true };
        var root = new RootCommand("Catalogue administration: users, API tokens and sample data.") { dataDir };

        var email = new Option<string>("--email") { Description = "The user's email address (their sign-in name)", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true };
        var displayName = new Option<string?>("--name") { Description = "Display name shown on records" };
        var usersAdd = new Command("add", "Add a user; the password is read from standard input (no default passwords).") { email, role, displayName };
        usersAdd.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            var password = ReadPassword(input, console, inputRedirected);
            var result = await services.GetRequiredService<UserAdministration>().CreateAsync(new CreateUserCommand
            {
                Email = parse.GetValue(email),
                Role = parse.GetValue(role),
                DisplayName = parse.GetValue(displayName),
                Password = password,
            }, ct);
            if (!result.Succeeded)
                return Fail(console, result.Errors);
            console.MarkupLineInterpolated($"[green]Added[/] {result.Value!.Email} as {parse.GetValue(role)}.");
            return 0;
        }));
        var usersList = new Command("list", "List users and their roles.");
        usersList.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            var table = new Table().AddColumns("Email", "Name", "Roles", "Locked");
            foreach (var u in await services.GetRequiredService<UserAdministration>().ListAsync(ct))
                table.AddRow(Markup.Escape(u.Email), Markup.Escape(u.DisplayName ?? string.Empty), string.Join(", ", u.Roles), u.IsLockedOut ? "yes" : "no");
            console.Write(table);
            return 0;
        }));
        root.Subcommands.Add(new Command("users", "Manage staff accounts.") { usersAdd, usersList });

        var tokenEmail = new Option<string>("--email") { Description = "Whose token", Required = true };
        var tokenName = new Option<string?>("--name") { Description = "What the token is for" };
        var tokensCreate = new Command("create", "Create an API token and print it once.") { tokenEmail, tokenName };
        tokensCreate.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            var user = await services.GetRequiredService<UserManager<CatalogueUser>>().FindByEmailAsync(parse.GetValue(tokenEmail)!);
            if (user is null)
                return Fail(console, [new FieldError("email", $"No user has the email {parse.GetValue(tokenEmail)}.")]);
            var result = await services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, parse.GetValue(tokenName) ?? "command line", ct);
            if (!result.Succeeded)
                return Fail(console, result.Errors);
            // The token alone on standard output, so scripts can capture it.
            console.WriteLine(result.Value.Secret);
            return 0;
        }));
        root.Subcommands.Add(new Command("tokens", "Manage API tokens.") { tokensCreate });

        var seed = new Command("seed", "Load the sample dataset (vocabularies, artifacts, excavation, conservation, storage, exhibitions and loans); existing records are kept.");
        seed.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CatalogueOptions>>().Value;
            SampleLoadResult loaded = null!;
            await console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("Loading sample catalogue");
                loaded = await services.GetRequiredService<SampleDataLoader>().LoadAsync(
                    options.ResolvedSamplesDirectory,
                    new Progress<(int Done, int Total)>(p => { task.MaxValue = p.Total; task.Value = p.Done; }),
                    ct);
                task.Value = task.MaxValue;
            });
            console.MarkupLineInterpolated(
                $"[green]Loaded[/] {loaded.Terms} new terms, {loaded.Artifacts} new artifacts, {loaded.Finds} new finds, {loaded.ConditionReports} condition reports, {loaded.Treatments} treatments, {loaded.Locations} locations, {loaded.Moves} moves, {loaded.Exhibitions} exhibitions and {loaded.Loans} loans.");
            return 0;
        }));
        root.Subcommands.Add(seed);

        var head = new Option<string?>("--head") { Description = "A head printed by an earlier run (sequence:hash): the chain must still hold that entry unchanged, which shows that no entry up to it was deleted" };
        var verifyAudit = new Command("verify-audit", "Walk the tamper-evident change history and name the first entry that does not check out (exit code 1).") { head };
        verifyAudit.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            AuditHead? recorded = null;
            if (parse.GetValue(head) is { } headText && (recorded = AuditHead.Parse(headText, out var headError)) is null)
                return Fail(console, [new FieldError("--head", headError!)]);

            AuditVerification result = null!;
            await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("Verifying the audit chain");
                result = await services.GetRequiredService<AuditChain>().VerifyAsync(recorded,
                    new Progress<(long Done, long Total)>(p => { task.MaxValue = Math.Max(1, p.Total); task.Value = p.Done; }), ct);
                task.Value = task.MaxValue;
            });
            if (result.Intact)
            {
                console.MarkupLineInterpolated($"[green]Intact:[/] {result.Entries} entries, every hash and link checks out{(recorded is null ? "" : $", and entry {recorded.Sequence} is the one recorded")}.");
                if (result.Head is { } current)
                {
                    console.MarkupLineInterpolated($"Head: {current}");
                    console.MarkupLine("Keep the head outside the data directory: [bold]verify-audit --head[/] with it later shows that no entry up to it was deleted or changed (the chain alone cannot show a deleted tail).");
                }

                return 0;
            }

            console.MarkupLineInterpolated($"[red]Broken at entry {result.FirstBrokenEntry}:[/] {result.Reason} ({result.Entries} entries checked).");
            return 1;
        }));
        root.Subcommands.Add(verifyAudit);

        var reindex = new Command("reindex", "Rebuild the search index from the database (the app rebuilds a missing or stale index on its own).");
        reindex.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            var indexer = services.GetRequiredService<SearchIndexer>();
            var count = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await console.Progress().AutoClear(false).StartAsync(async progress =>
                {
                    var task = progress.AddTask("Rebuilding the search index");
                    count = await indexer.RebuildAsync(
                        new Progress<(int Done, int Total)>(p => { task.MaxValue = Math.Max(1, p.Total); task.Value = Math.Max(task.Value, p.Done); }), ct); // reports come from every indexing thread
                    task.Value = task.MaxValue;
                });
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                return Fail(console, [new FieldError(string.Empty, "The search index is open in another process (is the app running?). Stop it, or let it rebuild the index itself.")]);
            }

            console.MarkupLineInterpolated($"[green]Indexed[/] {count} records in {watch.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }));
        root.Subcommands.Add(reindex);
        var force = new Option<bool>("--force") { Description = "Remake every image's derivatives, not only the missing or outdated ones" };
        var thumbnails = new Command("thumbnails", "Make the missing or outdated derivatives (thumbnails, web sizes and the zoom copies of large images) of every image, with a progress bar.") { force };
        thumbnails.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            var queries = services.GetRequiredService<MediaQueries>();
            var store = services.GetRequiredService<MediaStore>();
            var all = await queries.AllAsync(ct);
            var todo = parse.GetValue(force) ? all : await queries.WithoutCurrentDerivativesAsync(includeFailed: true, cancellationToken: ct);
            var removed = store.RemoveOutdatedDerivatives();
            var (made, failed) = await MakeDerivativesAsync(services, console, todo, parse.GetValue(force), ct);
            console.MarkupLineInterpolated($"[green]Derivatives version {DerivativeSpec.Version}:[/] {made} images made, {all.Count - todo.Count} already current, {failed} failed; {removed} outdated version folders removed.");
            return failed == 0 ? 0 : 1;
        }));
        root.Subcommands.Add(thumbnails);

        var folder = new Argument<string>("folder") { Description = "The folder of photographs; each file name starts with an accession or find number" };
        var recursive = new Option<bool>("--recursive") { Description = "Include sub-folders" };
        var attach = new Command("attach", "Attach every photograph of a folder to the artifact or find its file name names, and report the files that match nothing.") { folder, recursive };
        attach.SetAction((parse, ct) => WithServices(parse.GetValue(dataDir), console, async services =>
        {
            FolderAttachmentReport report = null!;
            await console.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("Attaching photographs");
                report = await services.GetRequiredService<FolderAttachment>().AttachAsync(parse.GetValue(folder)!, parse.GetValue(recursive),
                    new Progress<(int Done, int Total, string File)>(p => { task.MaxValue = Math.Max(1, p.Total); task.Value = p.Done; }), ct);
                task.Value = task.MaxValue;
            });
            var attached = report.Attached.Select(f => f.Sha256!).Distinct().ToList();
            var (_, failed) = await MakeDerivativesAsync(services, console, attached, false, ct);
            if (report.Unmatched.Any() || report.Refused.Any())
            {
                var table = new Table().AddColumns("File", "Why not attached");
                foreach (var file in report.Unmatched.Concat(report.Refused))
                    table.AddRow(Markup.Escape(file.FileName), Markup.Escape(file.Problem ?? string.Empty));
                console.Write(table);
            }

            console.MarkupLineInterpolated($"[green]Attached[/] {report.Attached.Count()} files; {report.Unmatched.Count()} matched no accession or find number; {report.Refused.Count()} refused; {failed} derivative failures.");
            return report.Unmatched.Any() || report.Refused.Any() || failed > 0 ? 1 : 0;
        }));
        root.Subcommands.Add(new Command("media", "Photographs: attach a folder of them.") { attach });

        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<(int Made, int Failed)> MakeDerivativesAsync(IServiceProvider services, IAnsiConsole console, IReadOnlyList<string> images, bool force, CancellationToken ct)
    {
        var made = 0;
        var failed = 0;
        if (images.Count == 0)
            return (0, 0);
        await console.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var task = progress.AddTask("Making derivatives", maxValue: images.Count);
            var maker = services.GetRequiredService<DerivativeMaker>();
            foreach (var sha in images)
            {
                if (await maker.MakeAsync(sha, force, cancellationToken: ct))
                    made++;
                else
                    failed++;
                task.Increment(1);
            }
        });
        return (made, failed);
    }

    private static async Task<int> WithServices(string? dataDirectory, IAnsiConsole console, Func<IServiceProvider, Task<int>> action)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Catalogue:LoadSampleData"] = "false" });
        if (dataDirectory is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Catalogue:DataDirectory"] = Path.GetFullPath(dataDirectory) });
        builder.Services.AddCatalogueCore();
        // The command line makes derivatives itself, with a progress bar, rather than through the web app's background queue.
        builder.Services.Replace(ServiceDescriptor.Singleton<IDerivativeBacklog, NoDerivativeBacklog>());
        builder.Services.Replace(ServiceDescriptor.Scoped<ICurrentUser>(_ => new FixedCurrentUser($"cli:{Environment.UserName}")));
        builder.Services.AddIdentityCore<CatalogueUser>(IdentitySetup.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CatalogueDbContext>()
            .AddDefaultTokenProviders();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return await action(scope.ServiceProvider);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
            return 1;
        }
    }

    private static string? ReadPassword(TextReader input, IAnsiConsole console, bool inputRedirected)
    {
        if (inputRedirected)
            return input.ReadLine();
        return console.Prompt(new TextPrompt<string>("Password:").Secret());
    }

    private static int Fail(IAnsiConsole console, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
            console.MarkupLineInterpolated($"[red]{(error.Field.Length == 0 ? "Error" : error.Field)}:[/] {error.Message}");
        return 2;
    }
}
