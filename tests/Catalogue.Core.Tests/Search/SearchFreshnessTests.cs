using System.Diagnostics;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Search;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Catalogue.Core.Tests.Search;

/// <summary>The index follows the database: through the outbox, within a second, and across a crash.</summary>
public sealed class SearchFreshnessTests
{
    [Test]
    public async Task Every_save_writes_an_outbox_row_in_its_own_transaction()
    {
        await using var catalogue = await TestCatalogue.StartAsync();
        await catalogue.IndexPendingChangesAsync();

        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0001").WithTitleEn("Bowl"));

        await using var scope = catalogue.As("reader");
        var rows = await scope.Db.SearchOutbox.ToListAsync();
        var id = await scope.Db.Artifacts.Where(a => a.AccessionNumber == "TL.2023.0001").Select(a => a.Id).SingleAsync();
        Assert.That(rows.Select(r => (r.Kind, r.EntityId)), Is.EquivalentTo(new[] { (SearchOutboxEntry.ArtifactKind, id) }));
    }

    [Test]
    public async Task A_refused_save_leaves_no_outbox_row()
    {
        await using var catalogue = await TestCatalogue.StartAsync();
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0001"));
        await catalogue.IndexPendingChangesAsync();

        await using (var scope = catalogue.As(TestCatalogue.SeedUser))
        {
            var duplicate = await scope.Get<ArtifactCommands>().CreateAsync(catalogue.Artifact("TL.2023.0001").Build());
            Assert.That(duplicate.Succeeded, Is.False);
        }

        Assert.That(await catalogue.OutboxCountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_saved_change_is_searchable_within_a_second_while_the_background_service_runs()
    {
        await using var catalogue = await TestCatalogue.StartAsync();
        var service = catalogue.Services.GetServices<IHostedService>().OfType<SearchIndexHostedService>().Single();
        await service.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntil(async () => !catalogue.Services.GetRequiredService<SearchIndexer>().Rebuilding && await catalogue.OutboxCountAsync() == 0);
            var watch = Stopwatch.StartNew();

            await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0777").WithTitleVi("Đầu rồng men xanh"));

            var found = await WaitUntil(() => Task.FromResult(catalogue.SearchArtifacts("dau rong").Numbers().Contains("TL.2023.0777")));
            Assert.That(found, Is.True, "the new record should become searchable");
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "searchable within about a second of the save");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task Attaching_a_photograph_puts_the_object_under_has_image_and_removing_it_takes_it_out()
    {
        await using var catalogue = await TestCatalogue.StartAsync();
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0001").WithTitleEn("Bowl"));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0002").WithTitleEn("Jar"));
        await catalogue.IndexPendingChangesAsync();
        Assert.That(WithImage(), Is.Empty);

        string sha256;
        await using (var scope = catalogue.As("lan.curator"))
        {
            using var content = new MemoryStream(TestImages.Jpeg(320, 240, "bowl"));
            var attached = await scope.Get<Catalogue.Core.Media.MediaCommands>().AttachAsync(Catalogue.Core.Media.MediaOwnerKind.Artifact, "TL.2023.0001", content, "bowl.jpg");
            Assert.That(attached.Succeeded, Is.True, () => TestCatalogue.Describe(attached.Errors));
            sha256 = attached.Value!.Sha256;
        }

        Assert.That(await catalogue.IndexPendingChangesAsync(), Is.GreaterThan(0), "the attachment queued the object for the index");
        Assert.That(WithImage(), Is.EqualTo(new[] { "TL.2023.0001" }));

        await using (var scope = catalogue.As("lan.curator"))
            Assert.That((await scope.Get<Catalogue.Core.Media.MediaCommands>().DetachFromArtifactAsync("TL.2023.0001", sha256)).Succeeded, Is.True);
        await catalogue.IndexPendingChangesAsync();
        Assert.That(WithImage(), Is.Empty);

        List<string> WithImage() => catalogue.Search(new SearchRequest
        {
            PublicOnly = false,
            Types = [SearchDocumentType.Artifact],
            Filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.HasImage] = ["yes"] },
        }).Numbers();
    }

    [Test]
    public async Task Edits_status_changes_and_term_relabels_reach_the_index()
    {
        await using var catalogue = await TestCatalogue.StartAsync();
        var created = await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0001").WithTitleEn("Bowl").WithMaterials(catalogue.Terms.Stoneware.Id));
        await catalogue.IndexPendingChangesAsync();

        await using (var scope = catalogue.As(TestCatalogue.SeedUser))
        {
            var update = await scope.Get<ArtifactCommands>().UpdateAsync(ArtifactBuilder.From(created).WithTitleEn("Lotus bowl").BuildUpdate(created.Version));
            Assert.That(update.Succeeded, Is.True);
            var publish = await scope.Get<ArtifactCommands>().ChangeStatusAsync(new ChangePublicationStatusCommand
            {
                AccessionNumber = "TL.2023.0001", Status = PublicationStatus.Published, Version = update.Value!.Version,
            });
            Assert.That(publish.Succeeded, Is.True);
            var relabel = await scope.Get<VocabularyCommands>().SaveAsync(TermBuilder.Editing(catalogue.Terms.Stoneware).WithLabels("Sành", "Grès", "Hard stoneware").Build());
            Assert.That(relabel.Succeeded, Is.True, () => TestCatalogue.Describe(relabel.Errors));
        }

        await catalogue.IndexPendingChangesAsync();

        Assert.That(catalogue.Search(new SearchRequest { Text = "lotus", PublicOnly = true }).Numbers(), Is.EqualTo(new[] { "TL.2023.0001" }));
        Assert.That(catalogue.SearchArtifacts("hard stoneware").Numbers(), Is.EqualTo(new[] { "TL.2023.0001" }));
        Assert.That(await catalogue.OutboxCountAsync(), Is.Zero, "applied rows are removed");
    }

    [Test]
    public async Task A_crash_between_the_database_commit_and_the_index_update_is_repaired_on_restart()
    {
        var catalogue = await TestCatalogue.StartAsync();
        try
        {
            var created = await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0001").WithTitleEn("Bowl"));
            await catalogue.IndexPendingChangesAsync();
            await using (var scope = catalogue.As(TestCatalogue.SeedUser))
            {
                var update = await scope.Get<ArtifactCommands>().UpdateAsync(ArtifactBuilder.From(created).WithTitleEn("Phoenix bowl").BuildUpdate(created.Version));
                Assert.That(update.Succeeded, Is.True);
            }

            // The change is committed but the process "dies" before the indexer applied it.
            Assert.That(catalogue.SearchArtifacts("phoenix").Total, Is.Zero);
            catalogue = await catalogue.RestartAsync();

            var indexer = catalogue.Services.GetRequiredService<SearchIndexer>();
            Assert.That(await catalogue.OutboxCountAsync(), Is.EqualTo(1), "the outbox row survived the crash");
            Assert.That(await indexer.IsStaleAsync(), Is.False, "same schema and document count: only the outbox can repair this");
            var service = catalogue.Services.GetServices<IHostedService>().OfType<SearchIndexHostedService>().Single();
            await service.StartAsync(CancellationToken.None);
            try
            {
                Assert.That(await WaitUntil(() => Task.FromResult(catalogue.SearchArtifacts("phoenix").Numbers().Contains("TL.2023.0001"))), Is.True);
                Assert.That(await WaitUntil(async () => await catalogue.OutboxCountAsync() == 0), Is.True);
            }
            finally
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            await catalogue.DisposeAsync();
        }
    }

    [Test]
    public async Task A_missing_index_is_found_stale_and_rebuilt_from_the_database()
    {
        await using var catalogue = await TestCatalogue.StartAsync(seedTerms: false, loadSampleData: true);
        var indexer = catalogue.Services.GetRequiredService<SearchIndexer>();

        Assert.That(await indexer.IsStaleAsync(), Is.True);
        var rebuilt = await indexer.RebuildAsync();

        await using var scope = catalogue.As("reader");
        var expected = await scope.Db.Artifacts.CountAsync() + await scope.Db.Finds.CountAsync() + await scope.Db.Contexts.CountAsync();
        Assert.That(rebuilt, Is.EqualTo(expected));
        Assert.That(catalogue.Services.GetRequiredService<SearchIndex>().DocumentCount, Is.EqualTo(expected));
        Assert.That(await indexer.IsStaleAsync(), Is.False);
        Assert.That(await catalogue.OutboxCountAsync(), Is.Zero, "a rebuild covers what the outbox held");
    }

    [Test]
    public async Task A_cancelled_rebuild_leaves_the_index_as_it_was()
    {
        await using var catalogue = await TestCatalogue.StartAsync();
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0001").WithTitleEn("Early bowl"));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0002").WithTitleEn("Early jar"));
        var indexer = catalogue.Services.GetRequiredService<SearchIndexer>();
        var index = catalogue.Services.GetRequiredService<SearchIndex>();
        var before = await indexer.RebuildAsync();
        Assert.That(before, Is.GreaterThanOrEqualTo(2));
        await catalogue.CreateArtifactAsync(catalogue.Artifact("TL.2023.0999").WithTitleEn("Late bowl")); // in the database, not yet indexed

        using var cancel = new CancellationTokenSource();
        Assert.That(async () => await indexer.RebuildAsync(new SynchronousProgress(_ => cancel.Cancel()), cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(index.DocumentCount, Is.EqualTo(before));
        Assert.That(catalogue.SearchArtifacts("late bowl").Numbers(), Does.Not.Contain("TL.2023.0999"));
        Assert.That(indexer.Rebuilding, Is.False);
        Assert.That(Directory.Exists(index.Location + ".rebuild"), Is.False, "the abandoned parts are deleted");
        Assert.That(await indexer.RebuildAsync(), Is.EqualTo(before + 1), "the next rebuild runs");
    }

    private sealed class SynchronousProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }

    /// <summary>Polls for up to five seconds (never a fixed sleep): true as soon as the condition holds.</summary>
    private static async Task<bool> WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            if (await condition())
                return true;
            await Task.Delay(20);
        }

        return await condition();
    }
}
