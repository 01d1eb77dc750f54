using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Tests.Support;

namespace Catalogue.Core.Tests.Artifacts;

/// <summary>The rules the entity enforces itself, whoever calls it (forms, imports, sample loading).</summary>
public sealed class ArtifactRulesTests
{
    private static ArtifactBuilder Valid() => new ArtifactBuilder().WithObjectType(1);

    [Test]
    public void New_WithValidDetails_KeepsNormalizedAccessionNumberAndDetails()
    {
        var artifact = new Artifact(" tl.2023.0142 ", Valid().WithTitleVi("Bát men ngọc").WithYears(1010, 1225).WithDimensions(height: 7.5m, diameter: 16m).BuildDetails());

        Assert.That(artifact.AccessionNumber, Is.EqualTo("TL.2023.0142"));
        Assert.That(artifact.Title.Vi, Is.EqualTo("Bát men ngọc"));
        Assert.That(artifact.Dating.EarliestYear, Is.EqualTo(1010));
        Assert.That(artifact.Dimensions.Diameter, Is.EqualTo(16m));
        Assert.That(artifact.Status, Is.EqualTo(PublicationStatus.Draft));
    }

    [Test]
    public void New_WithMalformedAccessionNumber_IsRefusedNamingAccessionNumber()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL/2023/0142", Valid().BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("AccessionNumber"));
    }

    [Test]
    public void New_WithoutAnyTitle_IsRefusedNamingTitle()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithoutTitle().BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Title"));
    }

    [Test]
    public void New_WithWhitespaceOnlyTitle_IsRefusedNamingTitle()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithTitleEn("   ").BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Title"));
    }

    [Test]
    public void New_WithLatestYearBeforeEarliest_IsRefusedNamingLatestYear()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithYears(1225, 1010).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Dating.LatestYear"));
    }

    [Test]
    public void New_WithYearOutsideTheSupportedRange_IsRefusedNamingTheYear()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithYears(-5000, 1000).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Dating.EarliestYear"));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void New_WithNonPositiveDimension_IsRefusedNamingThatDimension(decimal height)
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithDimensions(length: 10, height: height).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Dimensions.Height"));
    }

    [TestCase(null)]
    [TestCase("inch")]
    public void New_WithDimensionButNoKnownUnit_IsRefusedNamingTheUnit(string? unit)
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithDimensions(length: 10, unit: unit).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Dimensions.Unit"));
    }

    [Test]
    public void New_WithUnitButNoDimension_StoresNoDimensionsAtAll()
    {
        var artifact = new Artifact("TL.2023.0001", Valid().WithDimensions(unit: "mm").BuildDetails());

        Assert.That(artifact.Dimensions, Is.EqualTo(Dimensions.None));
    }

    [TestCase(null)]
    [TestCase("lb")]
    public void New_WithWeightButNoKnownUnit_IsRefusedNamingTheWeightUnit(string? unit)
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithWeight(250, unit).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Weight.Unit"));
    }

    [Test]
    public void New_WithZeroWeight_IsRefusedNamingTheWeight()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Artifact("TL.2023.0001", Valid().WithWeight(0).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Weight.Value"));
    }

    [Test]
    public void New_WithOverLongEnglishTitle_IsRefusedNamingTitleEn()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Artifact("TL.2023.0001", Valid().WithTitleEn(new string('x', Artifact.TitleMaxLength + 1)).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Title.En"));
        Assert.That(error.Message, Does.Contain(Artifact.TitleMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void New_WithTitleExactlyAtTheLimit_IsAccepted()
    {
        var artifact = new Artifact("TL.2023.0001", Valid().WithTitleEn(new string('x', Artifact.TitleMaxLength)).BuildDetails());

        Assert.That(artifact.Title.En, Has.Length.EqualTo(Artifact.TitleMaxLength));
    }

    [Test]
    public void New_WithOverLongVietnameseDescription_IsRefusedNamingDescriptionVi()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Artifact("TL.2023.0001", Valid().WithDescriptionVi(new string('ạ', Artifact.DescriptionMaxLength + 1)).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Description.Vi"));
    }

    [Test]
    public void New_WithOverLongProvenance_IsRefusedNamingProvenance()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Artifact("TL.2023.0001", Valid().WithProvenance(new string('p', Artifact.ProvenanceMaxLength + 1)).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("Provenance"));
    }

    [Test]
    public void New_WithOverLongInscription_IsRefusedNamingInscriptionText()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            new Artifact("TL.2023.0001", Valid().WithInscription(new string('李', Artifact.InscriptionMaxLength + 1)).BuildDetails()));

        Assert.That(error!.Field, Is.EqualTo("InscriptionText"));
    }

    [Test]
    public void Revise_WithABrokenRule_LeavesEveryFieldAsItWas()
    {
        var artifact = new Artifact("TL.2023.0001", Valid().WithTitleEn("Bowl").WithYears(1010, 1225).BuildDetails());

        Assert.Throws<DomainRuleException>(() => artifact.Revise(Valid().WithTitleEn("Changed").WithYears(1300, 1200).BuildDetails()));

        Assert.That(artifact.Title.En, Is.EqualTo("Bowl"));
        Assert.That(artifact.Dating.EarliestYear, Is.EqualTo(1010));
        Assert.That(artifact.Dating.LatestYear, Is.EqualTo(1225));
    }

    [Test]
    public void Revise_WithDecomposedVietnamese_StoresComposedText()
    {
        var decomposed = "Bát men ngọc".Normalize(System.Text.NormalizationForm.FormD);
        var artifact = new Artifact("TL.2023.0001", Valid().WithTitleVi(decomposed).WithProvenance(decomposed).BuildDetails());

        Assert.That(artifact.Title.Vi, Is.EqualTo("Bát men ngọc".Normalize(System.Text.NormalizationForm.FormC)));
        Assert.That(artifact.Provenance, Is.EqualTo("Bát men ngọc".Normalize(System.Text.NormalizationForm.FormC)));
    }
}
