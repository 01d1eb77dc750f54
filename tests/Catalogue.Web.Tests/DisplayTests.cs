using Catalogue.Web.Infrastructure;
using Catalogue.Web.Tests.Infrastructure;

namespace Catalogue.Web.Tests;

/// <summary>How lists put a period and a dating on one line, and how the change history names a field.</summary>
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

    [TestCase("AccessionDate", "en", "Accession date")]
    [TestCase("Dimensions.Width", "en", "Dimensions · Width")]
    [TestCase("Title.Vi", "en", "Title · vi")]
    [TestCase("step 1: MinutesSpent", "en", "step 1: MinutesSpent")]
    [TestCase("Width", "fr", "Largeur")]
    [TestCase("Recommendation", "vi", "Khuyến nghị")]
    public void The_change_history_names_a_field_in_words_and_in_the_readers_language(string field, string language, string label)
    {
        Assert.That(AppLocalizer.In(language, localizer => Display.FieldLabel(field, localizer)), Is.EqualTo(label));
    }

    [TestCase("Status", "Published", "fr", "Publié")]
    [TestCase("Overall", "Poor", "vi", "Kém")]
    [TestCase("Purpose", "LoanDeparture", "en", "Loan departure")]
    [TestCase("Title.En", "Good", "fr", "Good")]
    [TestCase("Status", "Good", "fr", "Good")]
    [TestCase("Status", null, "fr", "—")]
    public void The_change_history_names_a_choice_in_the_readers_language_and_leaves_typed_text_as_it_is(string field, string? value, string language, string shown)
    {
        Assert.That(AppLocalizer.In(language, localizer => Display.FieldValue(field, value, localizer)), Is.EqualTo(shown));
    }
}
