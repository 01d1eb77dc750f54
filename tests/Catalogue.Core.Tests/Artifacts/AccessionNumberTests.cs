using Catalogue.Core.Artifacts;

namespace Catalogue.Core.Tests.Artifacts;

public sealed class AccessionNumberTests
{
    [TestCase("TL.2023.0142")]
    [TestCase("TL.2023.0142.2")]
    [TestCase("A.1999.1")]
    [TestCase("ABCDEF.2004.123456")]
    [TestCase("HN.2010.000001.1234")]
    public void IsWellFormed_WithPrefixYearAndNumber_IsAccepted(string accessionNumber) =>
        Assert.That(AccessionNumber.IsWellFormed(accessionNumber), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("tl.2023.0142")]
    [TestCase("TL-2023-0142")]
    [TestCase("TL.23.0142")]
    [TestCase("TL.2023")]
    [TestCase("TL.2023.")]
    [TestCase(".2023.0142")]
    [TestCase("ABCDEFG.2023.0142")]
    [TestCase("TL.2023.1234567")]
    [TestCase("TL.2023.0142.12345")]
    [TestCase("TL.2023.0142.")]
    [TestCase("T1.2023.0142")]
    [TestCase(" TL.2023.0142")]
    [TestCase("TL.2023.0142 ")]
    [TestCase("TL.2023.0142\n")]
    [TestCase("TL.2023.014２")]
    public void IsWellFormed_WithAnythingElse_IsRefused(string? accessionNumber) =>
        Assert.That(AccessionNumber.IsWellFormed(accessionNumber), Is.False);

    [TestCase("tl.2023.0142", "TL.2023.0142")]
    [TestCase("  TL.2023.0142\t", "TL.2023.0142")]
    public void Normalize_TrimsAndCapitalises_SoTheResultIsWellFormed(string typed, string expected)
    {
        var normalized = AccessionNumber.Normalize(typed);

        Assert.That(normalized, Is.EqualTo(expected));
        Assert.That(AccessionNumber.IsWellFormed(normalized), Is.True);
    }
}
