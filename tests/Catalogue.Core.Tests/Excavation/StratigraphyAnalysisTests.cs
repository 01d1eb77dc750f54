using Catalogue.Core.Excavation.Stratigraphy;
using NUnit.Framework;
using static Catalogue.Core.Tests.Excavation.StratigraphyTestData;

namespace Catalogue.Core.Tests.Excavation;

public class StratigraphyAnalysisTests
{
    [Test]
    public void A_sound_sequence_has_no_problems()
    {
        var problems = StratigraphyAnalysis.Check(
            Units("1", "2", "3", "4", "5"),
            Relations("1 above 2", "2 cuts 3", "4 fills 2", "1 above 4", "5 same as 3", "2 above 5"));

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void A_cycle_is_reported_with_the_chain_of_contexts_that_forms_it()
    {
        var problems = StratigraphyAnalysis.Check(Units("1", "2", "3", "4"), Relations("1 above 2", "2 above 3", "3 above 1", "4 above 1"));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Kind, Is.EqualTo(StratigraphyProblemKind.Cycle));
        Assert.That(problems[0].Chain, Is.EqualTo(new[] { "1", "2", "3", "1" }));
        Assert.That(problems[0].Message, Does.StartWith("Context 3 would be both later and earlier than context 1: 1 above 2, 2 above 3, 3 above 1."));
        Assert.That(problems[0].Message, Does.Contain("1 \u2192 2 \u2192 3 \u2192 1"));
    }

    [Test]
    public void A_cycle_through_same_as_contexts_names_both_records_of_the_merged_context()
    {
        var problems = StratigraphyAnalysis.Check(
            Units("1", "2", "3", "5"),
            Relations("1 above 2", "5 cuts 3", "3 above 1", "2 same as 5"));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Chain, Is.EqualTo(new[] { "1", "2", "5", "3", "1" }));
        Assert.That(problems[0].Message, Does.Contain("1 above 2, 5 cuts 3, 3 above 1 (2 and 5 are recorded as the same context)"));
        Assert.That(problems[0].Message, Does.Contain("1 \u2192 2 = 5 \u2192 3 \u2192 1"));
    }

    [Test]
    public void A_long_cycle_is_reported_in_full_in_the_chain_and_abbreviated_in_the_message()
    {
        var keys = Enumerable.Range(1, 2000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var relations = keys.Skip(1).Select((k, i) => new StratigraphicRelation(keys[i], StratigraphicRelationType.Above, k)).ToList();
        relations.Add(new StratigraphicRelation("2000", StratigraphicRelationType.Above, "1"));

        var problems = StratigraphyAnalysis.Check(Units(keys), relations);

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.Cycle));
        Assert.That(problems.Single().Chain, Has.Count.EqualTo(2001));
        Assert.That(problems.Single().Relations, Has.Count.EqualTo(2000));
        Assert.That(problems.Single().Message, Does.StartWith("Context 2000 would be both later and earlier than context 1: 1 above 2, 2 above 3,"));
        Assert.That(problems.Single().Message, Does.Contain(", \u2026 1989 more \u2026, 1996 above 1997,"));
        Assert.That(problems.Single().Message.Length, Is.LessThan(400));
    }

    [Test]
    public void A_fill_that_fills_itself_is_reported()
    {
        var problems = StratigraphyAnalysis.Check(Units("7"), Relations("7 fills 7"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.SelfRelation));
        Assert.That(problems.Single().Chain, Is.EqualTo(new[] { "7" }));
        Assert.That(problems.Single().Message, Does.Contain("a fill cannot fill itself"));
    }

    [Test]
    public void A_context_above_itself_is_reported()
    {
        var problems = StratigraphyAnalysis.Check(Units("7"), Relations("7 above 7"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.SelfRelation));
        Assert.That(problems.Single().Message, Does.StartWith("Context 7 is related to itself (\"7 above 7\")"));
    }

    [Test]
    public void Two_contexts_each_above_the_other_are_one_contradiction_and_not_also_a_cycle()
    {
        var problems = StratigraphyAnalysis.Check(Units("1", "2"), Relations("1 above 2", "2 above 1"));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Kind, Is.EqualTo(StratigraphyProblemKind.Contradiction));
        Assert.That(problems[0].Message, Is.EqualTo("Context 1 would be both later and earlier than context 2: 1 above 2, 2 above 1."));
        Assert.That(problems[0].Relations, Has.Count.EqualTo(2));
    }

    [Test]
    public void Two_cuts_cutting_each_other_are_a_contradiction()
    {
        var problems = StratigraphyAnalysis.Check(Units("4", "6"), Relations("4 cuts 6", "6 cuts 4"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.Contradiction));
    }

    [Test]
    public void A_contradiction_across_relation_types_is_reported()
    {
        var problems = StratigraphyAnalysis.Check(Units("1", "2"), Relations("1 above 2", "1 cut by 2"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.Contradiction));
        Assert.That(problems.Single().Message, Does.Contain("1 above 2, 2 cuts 1"));
    }

    [Test]
    public void A_relation_naming_an_unknown_context_is_reported()
    {
        var problems = StratigraphyAnalysis.Check(Units("1", "2"), Relations("1 above 2", "1 above 99"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.UnknownContext));
        Assert.That(problems.Single().Chain, Is.EqualTo(new[] { "99" }));
        Assert.That(problems.Single().Message, Is.EqualTo("The relation \"1 above 99\" names context 99, which is not recorded on this site."));
    }

    [Test]
    public void A_context_number_recorded_twice_is_reported()
    {
        var problems = StratigraphyAnalysis.Check(Units("1", "2", "1"), Relations("1 above 2"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.DuplicateContext));
        Assert.That(problems.Single().Chain, Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public void Same_as_contexts_that_are_also_put_in_order_are_reported()
    {
        var problems = StratigraphyAnalysis.Check(Units("12", "14", "15"), Relations("12 same as 14", "14 same as 15", "12 above 15"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.SameAsOrdered));
        Assert.That(problems.Single().Chain, Is.EqualTo(new[] { "12", "14", "15" }));
        Assert.That(problems.Single().Message, Does.Contain("12 same as 14 and 14 same as 15"));
    }

    [Test]
    public void A_proposed_relation_that_closes_a_cycle_is_refused_with_the_chain_named()
    {
        var problems = StratigraphyAnalysis.CheckAddition(
            Units("1", "2", "3"), Relations("1 above 2", "2 above 3"), StratigraphicRelation.Parse("3 above 1"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.Cycle));
        Assert.That(problems.Single().Chain, Is.EqualTo(new[] { "3", "1", "2", "3" }));
        Assert.That(problems.Single().Message, Is.EqualTo("\"3 above 1\" cannot be recorded: context 1 is already later than context 3 (1 above 2, 2 above 3)."));
    }

    [Test]
    public void A_proposed_relation_contradicting_one_recorded_relation_is_refused()
    {
        var problems = StratigraphyAnalysis.CheckAddition(Units("1", "2"), Relations("1 above 2"), StratigraphicRelation.Parse("1 filled by 2"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.Contradiction));
        Assert.That(problems.Single().Chain, Is.EqualTo(new[] { "2", "1", "2" }));
    }

    [Test]
    public void A_proposed_relation_that_keeps_the_sequence_sound_is_accepted()
    {
        var problems = StratigraphyAnalysis.CheckAddition(Units("1", "2", "3", "4"), Relations("1 above 2", "2 above 3"), StratigraphicRelation.Parse("4 below 3"));

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void A_proposed_relation_is_judged_alone_even_when_the_site_already_has_problems()
    {
        var problems = StratigraphyAnalysis.CheckAddition(
            Units("1", "2", "3", "4"), Relations("1 above 2", "2 above 1"), StratigraphicRelation.Parse("3 above 4"));

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void A_relation_entered_again_from_the_other_side_is_already_recorded()
    {
        var problems = StratigraphyAnalysis.CheckAddition(Units("1", "2"), Relations("1 above 2"), StratigraphicRelation.Parse("2 below 1"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.AlreadyRecorded));
    }

    [Test]
    public void A_proposed_same_as_between_contexts_in_sequence_is_refused()
    {
        var problems = StratigraphyAnalysis.CheckAddition(
            Units("1", "2", "3"), Relations("1 above 2", "2 cuts 3"), StratigraphicRelation.Parse("3 same as 1"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.SameAsOrdered));
        Assert.That(problems.Single().Chain, Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(problems.Single().Message, Does.Contain("context 1 is already later than context 3 (1 above 2, 2 cuts 3)"));
    }

    [Test]
    public void A_proposed_relation_to_an_unknown_context_is_refused()
    {
        var problems = StratigraphyAnalysis.CheckAddition(Units("1"), [], StratigraphicRelation.Parse("1 above 2"));

        Assert.That(problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.UnknownContext));
    }
}
