using Catalogue.Core.Excavation.Stratigraphy;
using NUnit.Framework;

namespace Catalogue.Core.Tests.Excavation;

public class StratigraphicRelationTests
{
    [Test]
    public void Five_below_three_is_stored_as_three_above_five()
    {
        var relation = StratigraphicRelation.Parse("5 below 3");

        Assert.That(relation, Is.EqualTo(new StratigraphicRelation("3", StratigraphicRelationType.Above, "5")));
    }

    [TestCase("12 cut by 14", "14", StratigraphicRelationType.Cuts, "12")]
    [TestCase("12 Cut-By 14", "14", StratigraphicRelationType.Cuts, "12")]
    [TestCase("20 filled by 21", "21", StratigraphicRelationType.Fills, "20")]
    [TestCase("8 is abutted by 9", "9", StratigraphicRelationType.Abuts, "8")]
    [TestCase("21 fills 20", "21", StratigraphicRelationType.Fills, "20")]
    [TestCase("15 same as 12", "12", StratigraphicRelationType.SameAs, "15")]
    [TestCase("10 same_as 9", "9", StratigraphicRelationType.SameAs, "10")]
    public void Each_way_of_entering_a_relation_is_stored_in_its_canonical_form(string statement, string from, StratigraphicRelationType type, string to)
    {
        Assert.That(StratigraphicRelation.Parse(statement), Is.EqualTo(new StratigraphicRelation(from, type, to)));
    }

    [Test]
    public void Every_choice_reads_back_as_its_phrase_from_the_context_it_was_entered_on()
    {
        foreach (var choice in StratigraphicRelationChoices.All.Where(c => c != StratigraphicRelationChoice.SameAs))
        {
            var stored = StratigraphicRelation.Create("1", choice, "2");

            Assert.That(stored.DescribeFrom("1"), Is.EqualTo($"1 {choice.Phrase()} 2"), choice.ToString());
        }
    }

    [Test]
    public void The_reading_from_either_side_uses_the_inverse_phrase_from_the_earlier_context()
    {
        var stored = new StratigraphicRelation("14", StratigraphicRelationType.Cuts, "12");

        Assert.That(stored.DescribeFrom("14"), Is.EqualTo("14 cuts 12"));
        Assert.That(stored.DescribeFrom("12"), Is.EqualTo("12 cut by 14"));
        Assert.That(StratigraphicRelationType.Fills.PhraseFrom(fromTheFromSide: false), Is.EqualTo("filled by"));
    }

    [TestCase("5 beside 3")]
    [TestCase("5 below")]
    [TestCase("")]
    public void A_statement_without_a_known_phrase_and_two_contexts_is_rejected(string statement)
    {
        Assert.That(StratigraphicRelation.TryParse(statement, out _), Is.False);
        Assert.That(() => StratigraphicRelation.Parse(statement), Throws.TypeOf<FormatException>().With.Message.Contains("below"));
    }

    [Test]
    public void Context_numbers_sort_by_their_numeric_value()
    {
        string[] keys = ["10", "9", "F10", "F2", "100", "09"];

        Assert.That(keys.Order(ContextKeyComparer.Instance), Is.EqualTo(new[] { "09", "9", "10", "100", "F2", "F10" }));
    }
}
