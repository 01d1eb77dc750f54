using Catalogue.Web.Infrastructure;

namespace Catalogue.Web.Tests;

/// <summary>How lists put a period and a dating on one line.</summary>
public sealed class DisplayTests
{
    [TestCase("Lý dynasty", "Lý dynasty, 11th–13th century", "Lý dynasty, 11th–13th century")]
    [TestCase("Lý dynasty", "lý dynasty, c. 1100", "lý dynasty, c. 1100")]
    [TestCase("Early Lê dynasty (Lê sơ)", "XVe siècle", "Early Lê dynasty (Lê sơ) · XVe siècle")]
    [TestCase("Trần dynasty", null, "Trần dynasty")]
    [TestCase(null, "c. 1010–1225", "c. 1010–1225")]
    [TestCase(null, null, "")]
    public void A_dating_line_names_the_period_once(string? period, string? dating, string line)
    {
        Assert.That(Display.DatingLine(period, dating), Is.EqualTo(line));
    }
}
