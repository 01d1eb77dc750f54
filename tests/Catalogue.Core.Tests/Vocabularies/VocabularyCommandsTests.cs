using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Tests.Support;
using Catalogue.Core.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Tests.Vocabularies;

public sealed class VocabularyCommandsTests
{
    private TestCatalogue _catalogue = null!;

    [SetUp]
    public async Task StartCatalogue() => _catalogue = await TestCatalogue.StartAsync();

    [TearDown]
    public async Task DisposeCatalogue() => await _catalogue.DisposeAsync();

    [Test]
    public async Task Save_NewTerm_StoresNormalizedCodeLabelsAndAuthor()
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Material(" Bronze ").WithLabels("Đồng", "Bronze", "Bronze").WithAat(" 300010957 "));

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        var stored = await FindAsync(result.Value!.Id);
        Assert.That(stored.Code, Is.EqualTo("bronze"));
        Assert.That(stored.Vocabulary, Is.EqualTo(Vocabulary.Material));
        Assert.That(stored.Label.Vi, Is.EqualTo("Đồng"));
        Assert.That(stored.AatId, Is.EqualTo("300010957"));
        Assert.That(stored.AatUri, Is.EqualTo("http://vocab.getty.edu/page/aat/300010957"));
        Assert.That(stored.CreatedBy, Is.EqualTo("thu.registrar"));
        Assert.That(stored.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Save_WithCodeAlreadyUsedInTheSameVocabulary_IsRejectedNamingCode()
    {
        var before = await CountTermsAsync();

        var result = await SaveAsync("thu.registrar", TermBuilder.Material("STONEWARE").WithLabelEn("Another stoneware"));

        AssertRefusedOn(result, "Code");
        Assert.That(result.Errors.Single(e => e.Field == "Code").Message, Does.Contain("already used"));
        Assert.That(await CountTermsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Save_WithCodeUsedInAnotherVocabulary_IsAccepted()
    {
        // "stoneware" is a material; an object type may use the same code.
        var result = await SaveAsync("thu.registrar", TermBuilder.ObjectType("stoneware").WithLabelEn("Stoneware vessel"));

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        Assert.That(result.Value!.Id, Is.Not.EqualTo(_catalogue.Terms.Stoneware.Id));
    }

    [TestCase("celadon glaze")]
    [TestCase("-glaze")]
    [TestCase("glaze_2")]
    [TestCase("men-ngọc")]
    [TestCase("a234567890123456789012345678901234567890x")]
    public async Task Save_WithMalformedCode_IsRejectedNamingCode(string code)
    {
        var before = await CountTermsAsync();

        var result = await SaveAsync("thu.registrar", TermBuilder.Material(code).WithLabelEn("Glaze"));

        AssertRefusedOn(result, "Code");
        Assert.That(await CountTermsAsync(), Is.EqualTo(before));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task Save_WithoutCode_IsRejectedAsRequired(string? code)
    {
        var before = await CountTermsAsync();

        var result = await SaveAsync("thu.registrar", new TermBuilder(Vocabulary.Material, code).WithLabelEn("Glaze"));

        AssertRefusedOn(result, "Code");
        Assert.That(result.Errors.Single(e => e.Field == "Code").Message, Does.Contain("required"));
        Assert.That(await CountTermsAsync(), Is.EqualTo(before));
    }

    [TestCase("aat:300010662")]
    [TestCase("12345")]
    [TestCase("1234567890")]
    [TestCase("30001066x")]
    public async Task Save_WithMalformedAatId_IsRejectedNamingAatId(string aatId)
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Material("porcelain").WithAat(aatId));

        AssertRefusedOn(result, "AatId");
    }

    [Test]
    public async Task Save_WithoutAnyLabel_IsRejected()
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Material("porcelain").WithLabels(" ", null, ""));

        AssertRefusedOn(result, "LabelEn");
    }

    [Test]
    public async Task Save_PeriodEndingBeforeItStarts_IsRejectedNamingEndYear()
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Period("tran", 1400, 1225).WithLabelEn("Trần"));

        AssertRefusedOn(result, "EndYear");
        Assert.That(result.Errors.Single(e => e.Field == "EndYear").Message, Does.Contain("1225").And.Contain("1400"));
    }

    [Test]
    public async Task Save_PeriodWithoutYears_IsRejectedNamingBothYears()
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Period("tran", null, null).WithLabelEn("Trần"));

        AssertRefusedOn(result, "StartYear");
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain("EndYear"));
    }

    [Test]
    public async Task Save_PeriodOfASingleYear_IsAccepted()
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Period("ho-1400", 1400, 1400).WithLabelEn("Hồ, first year"));

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        Assert.That((result.Value!.StartYear, result.Value.EndYear), Is.EqualTo((1400, 1400)));
    }

    [Test]
    public async Task Save_NonPeriodWithYears_DropsTheYears()
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Material("porcelain").WithYears(1000, 1100));

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        var stored = await FindAsync(result.Value!.Id);
        Assert.That(stored.StartYear, Is.Null);
        Assert.That(stored.EndYear, Is.Null);
    }

    [Test]
    public async Task Edit_FromTheCurrentVersion_RelabelsBumpsTheVersionAndRecordsHistory()
    {
        var stoneware = _catalogue.Terms.Stoneware;

        var result = await SaveAsync("thu.registrar", TermBuilder.Editing(stoneware).WithLabels("Sành", "Grès", "Stoneware (high-fired)"));

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        var stored = await FindAsync(stoneware.Id);
        Assert.That(stored.Label.En, Is.EqualTo("Stoneware (high-fired)"));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.UpdatedBy, Is.EqualTo("thu.registrar"));
        await using var scope = _catalogue.As("reader");
        var history = await scope.Get<HistoryQueries>().ForRecordAsync("Term", "Material/stoneware");
        Assert.That(history[0].Action, Is.EqualTo(AuditAction.Updated));
        Assert.That(history[0].Changes, Is.EqualTo(new[] { new FieldChange("Label.En", "Stoneware", "Stoneware (high-fired)") }));
    }

    [Test]
    public async Task Edit_FromAStaleVersion_IsAConflictNamingTheOtherEditorAndKeepsTheirLabel()
    {
        var stoneware = _catalogue.Terms.Stoneware;
        var first = await SaveAsync("thu.registrar", TermBuilder.Editing(stoneware).WithLabelEn("Stoneware, first edit"));

        var second = await SaveAsync("an.registrar", TermBuilder.Editing(stoneware, version: 1).WithLabelEn("Stoneware, second edit"));

        Assert.That(first.Succeeded, Is.True, () => TestCatalogue.Describe(first.Errors));
        Assert.That(second.Failure, Is.EqualTo(FailureKind.Conflict));
        Assert.That(second.Errors.Single().Message, Does.Contain("thu.registrar").And.Contain("stoneware"));
        var stored = await FindAsync(stoneware.Id);
        Assert.That(stored.Label.En, Is.EqualTo("Stoneware, first edit"));
        Assert.That(stored.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Edit_ChangingTheCode_IsRejectedNamingCode()
    {
        var stoneware = _catalogue.Terms.Stoneware;

        var result = await SaveAsync("thu.registrar", new TermBuilder(Vocabulary.Material, "stoneware-2").WithLabelEn("Stoneware").WithId(stoneware.Id, stoneware.Version));

        AssertRefusedOn(result, "Code");
        Assert.That((await FindAsync(stoneware.Id)).Code, Is.EqualTo("stoneware"));
    }

    [Test]
    public async Task Edit_OfUnknownTerm_IsNotFound()
    {
        var result = await SaveAsync("thu.registrar", TermBuilder.Material("porcelain").WithId(4242, 1));

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
    }

    [Test]
    public async Task Delete_OfATermUsedAsMaterial_IsRefusedWithTheNumberOfUses()
    {
        var terms = _catalogue.Terms;
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0001").WithMaterials(terms.Stoneware.Id));
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact("TL.2023.0002").WithMaterials(terms.Stoneware.Id, terms.CeladonGlaze.Id));

        var result = await DeleteAsync(terms.Stoneware.Id);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(result.Errors.Single().Message, Does.Contain("stoneware").And.Contain("2 record"));
        Assert.That(await FindOrNullAsync(terms.Stoneware.Id), Is.Not.Null);
    }

    [Test]
    public async Task Delete_OfATermUsedAsObjectTypeOrPeriod_IsRefused()
    {
        var terms = _catalogue.Terms;
        await _catalogue.CreateArtifactAsync(_catalogue.Artifact().WithPeriod(terms.Ly.Id));

        var objectType = await DeleteAsync(terms.Bowl.Id);
        var period = await DeleteAsync(terms.Ly.Id);

        Assert.That(objectType.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(objectType.Errors.Single().Message, Does.Contain("bowl"));
        Assert.That(period.Failure, Is.EqualTo(FailureKind.Invalid));
        Assert.That(await FindOrNullAsync(terms.Bowl.Id), Is.Not.Null);
        Assert.That(await FindOrNullAsync(terms.Ly.Id), Is.Not.Null);
    }

    [Test]
    public async Task Delete_OfAnUnusedTerm_RemovesItAndRecordsTheDeletion()
    {
        var wheelThrown = _catalogue.Terms.WheelThrown;

        var result = await DeleteAsync(wheelThrown.Id);

        Assert.That(result.Succeeded, Is.True, () => TestCatalogue.Describe(result.Errors));
        Assert.That(await FindOrNullAsync(wheelThrown.Id), Is.Null);
        await using var scope = _catalogue.As("reader");
        var history = await scope.Get<HistoryQueries>().ForRecordAsync("Term", "Technique/wheel-thrown");
        Assert.That(history[0].Action, Is.EqualTo(AuditAction.Deleted));
        Assert.That(history[0].UserName, Is.EqualTo("thu.registrar"));
    }

    [Test]
    public async Task Delete_OfUnknownTerm_IsNotFound()
    {
        var result = await DeleteAsync(4242);

        Assert.That(result.Failure, Is.EqualTo(FailureKind.NotFound));
    }

    [Test]
    public async Task List_OfPeriods_IsInChronologicalOrder()
    {
        await SaveAsync("thu.registrar", TermBuilder.Period("tran", 1225, 1400).WithLabelEn("Trần"));
        await SaveAsync("thu.registrar", TermBuilder.Period("dinh-tien-le", 968, 1009).WithLabelEn("Đinh-Tiền Lê"));

        await using var scope = _catalogue.As("reader");
        var periods = await scope.Get<VocabularyQueries>().ListAsync(Vocabulary.Period);

        Assert.That(periods.Select(p => p.Code), Is.EqualTo(new[] { "dinh-tien-le", "ly", "tran" }));
    }

    [TestCase("en", new[] { "bowl", "jar", "plate" })]
    [TestCase("fr", new[] { "plate", "bowl", "jar" })]
    [TestCase("vi", new[] { "bowl", "plate", "jar" })]
    public async Task List_OfTermsWithoutAnOrder_IsByTheirLabelInTheReadersLanguage(string language, string[] codes)
    {
        await SaveAsync("thu.registrar", TermBuilder.ObjectType("jar").WithLabels("Hũ", "Jarre", "Jar"));
        await SaveAsync("thu.registrar", TermBuilder.ObjectType("bowl").WithLabels("Bát", "Bol", "Bowl"));
        await SaveAsync("thu.registrar", TermBuilder.ObjectType("plate").WithLabels("Đĩa", "Assiette", "Plate"));
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(language);
        try
        {
            await using var scope = _catalogue.As("reader");
            var types = await scope.Get<VocabularyQueries>().ListAsync(Vocabulary.ObjectType);

            Assert.That(types.Select(t => t.Code).Where(codes.Contains), Is.EqualTo(codes));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<CommandResult<VocabularyTerm>> SaveAsync(string user, TermBuilder term)
    {
        await using var scope = _catalogue.As(user);
        return await scope.Get<VocabularyCommands>().SaveAsync(term.Build());
    }

    private async Task<CommandResult<bool>> DeleteAsync(int id)
    {
        await using var scope = _catalogue.As("thu.registrar");
        return await scope.Get<VocabularyCommands>().DeleteAsync(id);
    }

    private async Task<VocabularyTerm> FindAsync(int id) =>
        await FindOrNullAsync(id) ?? throw new AssertionException($"Term {id} is not stored.");

    private async Task<VocabularyTerm?> FindOrNullAsync(int id)
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Get<VocabularyQueries>().FindAsync(id);
    }

    private async Task<int> CountTermsAsync()
    {
        await using var scope = _catalogue.As("reader");
        return await scope.Db.Terms.CountAsync();
    }

    private static void AssertRefusedOn<T>(CommandResult<T> result, string field)
    {
        Assert.That(result.Failure, Is.EqualTo(FailureKind.Invalid), () => "Expected a refusal, got " + result.Failure);
        Assert.That(result.Errors.Select(e => e.Field), Does.Contain(field), () => TestCatalogue.Describe(result.Errors));
    }
}
