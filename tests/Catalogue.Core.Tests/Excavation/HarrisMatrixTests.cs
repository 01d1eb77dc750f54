using Catalogue.Core.Excavation.Stratigraphy;
using NUnit.Framework;
using static Catalogue.Core.Tests.Excavation.StratigraphyTestData;

namespace Catalogue.Core.Tests.Excavation;

public class HarrisMatrixTests
{
    [Test]
    public void Same_as_contexts_become_one_node_that_carries_the_relations_of_both()
    {
        var matrix = BuildValid(
            Units("1", "12", "15", "20"),
            Relations("1 above 12", "15 above 20", "15 same as 12"));

        var merged = matrix.NodeFor("15")!;
        Assert.That(matrix.Nodes, Has.Count.EqualTo(3));
        Assert.That(merged.Id, Is.EqualTo("12"));
        Assert.That(merged.MemberKeys, Is.EqualTo(new[] { "12", "15" }));
        Assert.That(merged.Label, Is.EqualTo("12 = 15"));
        Assert.That(matrix.NodeFor("12"), Is.SameAs(merged));
        Assert.That(matrix.Edges, Is.EquivalentTo(new[] { new HarrisMatrixEdge("1", "12"), new HarrisMatrixEdge("12", "20") }));
    }

    [Test]
    public void A_merged_node_lists_the_labels_of_its_members_and_the_first_phase_found()
    {
        var matrix = BuildValid(
            [new("9", "9 (floor)", null, null), new("10", "10 (floor)", "Lý", 3)],
            Relations("10 same as 9"));

        Assert.That(matrix.Nodes.Single().Label, Is.EqualTo("9 (floor) = 10 (floor)"));
        Assert.That(matrix.Nodes.Single().Phase, Is.EqualTo("Lý"));
        Assert.That(matrix.Phases, Is.EqualTo(new[] { new HarrisMatrixPhase("Lý", 3) }));
    }

    [Test]
    public void Transitive_reduction_keeps_only_the_direct_lines()
    {
        var matrix = BuildValid(Units("A", "B", "C"), Relations("A above B", "B above C", "A above C"));

        Assert.That(matrix.Edges, Is.EquivalentTo(new[] { new HarrisMatrixEdge("A", "B"), new HarrisMatrixEdge("B", "C") }));
        Assert.That(matrix.ImpliedRelationCount, Is.EqualTo(1));
    }

    [Test]
    public void Two_relations_between_the_same_contexts_make_one_line()
    {
        var matrix = BuildValid(Units("A", "B"), Relations("A above B", "A cuts B"));

        Assert.That(matrix.Edges, Is.EqualTo(new[] { new HarrisMatrixEdge("A", "B") }));
    }

    [Test]
    public void Layering_puts_the_latest_context_at_layer_zero_and_every_line_downward()
    {
        var matrix = BuildValid(
            Units("1", "2", "3", "4", "5", "6"),
            Relations("1 above 2", "2 above 3", "1 above 4", "4 cuts 5", "3 above 5", "6 fills 4"));

        Assert.That(matrix.NodeFor("1")!.Layer, Is.Zero);
        Assert.That(matrix.NodeFor("5")!.Layer, Is.EqualTo(3), "longest path 1 > 2 > 3 > 5");
        Assert.That(matrix.Layers[0].Select(n => n.Id), Is.EquivalentTo(new[] { "1", "6" }));
        foreach (var edge in matrix.Edges)
            Assert.That(matrix.NodeFor(edge.From)!.Layer, Is.LessThan(matrix.NodeFor(edge.To)!.Layer), $"{edge.From} -> {edge.To}");
    }

    [Test]
    public void Rows_are_ordered_so_that_two_separate_sequences_do_not_cross()
    {
        var matrix = BuildValid(Units("1", "2", "3", "4"), Relations("1 above 4", "2 above 3"));

        Assert.That(matrix.Layers[0].Select(n => n.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(matrix.Layers[1].Select(n => n.Id), Is.EqualTo(new[] { "4", "3" }));
    }

    [Test]
    public void An_unsound_sequence_builds_no_matrix_and_says_why()
    {
        var result = HarrisMatrix.Build(Units("1", "2", "3"), Relations("1 above 2", "2 above 3", "3 above 1"));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Matrix, Is.Null);
        Assert.That(result.Problems.Single().Kind, Is.EqualTo(StratigraphyProblemKind.Cycle));
    }

    [Test]
    public void A_context_without_relations_still_gets_a_box()
    {
        var matrix = BuildValid(Units("1", "2", "3"), Relations("1 above 2"));

        Assert.That(matrix.NodeFor("3")!.Layer, Is.Zero);
        Assert.That(matrix.Nodes.Select(n => n.Id), Is.EquivalentTo(new[] { "1", "2", "3" }));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_large_random_sequence_stays_acyclic_and_reduced(int seed)
    {
        var (units, relations) = RandomSequence(600, seed);

        var matrix = BuildValid(units, relations);

        var children = matrix.Nodes.ToDictionary(n => n.Id, _ => new List<string>());
        foreach (var edge in matrix.Edges)
            children[edge.From].Add(edge.To);

        // Every line goes down a row, so the drawing has no cycle.
        foreach (var edge in matrix.Edges)
            Assert.That(matrix.NodeFor(edge.From)!.Layer, Is.LessThan(matrix.NodeFor(edge.To)!.Layer));

        // Reduced: no line has another path between its ends.
        foreach (var edge in matrix.Edges)
            Assert.That(Reaches(children, edge.From, edge.To, skipDirect: true), Is.False, $"{edge.From} -> {edge.To} is implied");

        // Nothing lost: every recorded relation is still implied by the lines.
        foreach (var relation in relations)
            Assert.That(Reaches(children, relation.From, relation.To, skipDirect: false), Is.True, relation.Describe());

        Assert.That(matrix.Edges, Has.Count.LessThan(relations.Count));
        Assert.That(matrix.Edges.Distinct().Count(), Is.EqualTo(matrix.Edges.Count));
    }

    [Test]
    public void Every_row_numbers_its_nodes_from_the_left_without_gaps()
    {
        var (units, relations) = RandomSequence(300, 7);

        var matrix = BuildValid(units, relations);

        Assert.That(matrix.Layers.Sum(l => l.Count), Is.EqualTo(matrix.Nodes.Count));
        for (var l = 0; l < matrix.Layers.Count; l++)
        {
            Assert.That(matrix.Layers[l].Select(n => n.Position), Is.EqualTo(Enumerable.Range(0, matrix.Layers[l].Count)));
            Assert.That(matrix.Layers[l].Select(n => n.Layer), Is.All.EqualTo(l));
        }
    }

    [Test]
    public void Building_twice_gives_the_same_matrix()
    {
        var (units, relations) = RandomSequence(300, 11);

        var first = BuildValid(units, relations);
        var second = BuildValid(units, relations);

        Assert.That(second.Nodes, Is.EqualTo(first.Nodes).Using<HarrisMatrixNode>((a, b) => a.Id == b.Id && a.Layer == b.Layer && a.Position == b.Position));
        Assert.That(second.Edges, Is.EqualTo(first.Edges));
    }

    private static bool Reaches(Dictionary<string, List<string>> children, string from, string to, bool skipDirect)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>();
        foreach (var c in children[from])
        {
            if (!(skipDirect && c == to))
                stack.Push(c);
        }

        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (u == to)
                return true;
            if (!seen.Add(u))
                continue;
            foreach (var c in children[u])
                stack.Push(c);
        }

        return false;
    }
}
