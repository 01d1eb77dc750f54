namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// Finds the recording errors that stop a site's contexts forming a Harris matrix: unknown or
/// repeated contexts, relations of a context to itself, contradictions, cycles of "later than"
/// and "same as" contexts that are also put in order. Pure: no database, no side effects.
/// </summary>
public static class StratigraphyAnalysis
{
    private const string Arrow = " \u2192 ";

    /// <summary>
    /// Every problem in a site's stratigraphy; empty when the contexts form a valid matrix. Problems
    /// come by kind (unusable contexts and relations, contradictions, "same as" put in order, cycles),
    /// each kind in the order the relations were given. A knot of cycles is reported once, with the
    /// shortest chain through its lowest context number; a contradiction between two contexts is
    /// reported as such rather than as a cycle.
    /// </summary>
    public static IReadOnlyList<StratigraphyProblem> Check(IEnumerable<StratigraphicUnit> units, IEnumerable<StratigraphicRelation> relations)
    {
        var problems = new List<StratigraphyProblem>();
        var graph = StratigraphicGraph.Load(units, relations, problems);
        CheckGraph(graph, problems);
        return problems;
    }

    /// <summary>
    /// The problems that recording <paramref name="proposed"/> would add to the site, for refusing one
    /// relation with the chain that forbids it named. Problems already present in
    /// <paramref name="existing"/> are not repeated. A relation already recorded (in either reading)
    /// is reported as <see cref="StratigraphyProblemKind.AlreadyRecorded"/>.
    /// </summary>
    public static IReadOnlyList<StratigraphyProblem> CheckAddition(
        IEnumerable<StratigraphicUnit> units, IEnumerable<StratigraphicRelation> existing, StratigraphicRelation proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var graph = StratigraphicGraph.Load(units, existing, []);
        if (StratigraphicGraph.TryResolve(proposed, graph.IndexOf, out var link) is { } unusable)
            return [unusable];

        var text = proposed.Describe();
        if (FindRecorded(graph, link, proposed.Type) is { } recorded)
        {
            var same = recorded.Equals(proposed) ? string.Empty : $" as \"{recorded.Describe()}\"";
            return
            [
                new StratigraphyProblem($"\"{text}\" is already recorded{same}.", [proposed.From, proposed.To])
                {
                    Kind = StratigraphyProblemKind.AlreadyRecorded,
                    Relations = [recorded],
                },
            ];
        }

        int later = graph.GroupOf[link.Later], earlier = graph.GroupOf[link.Earlier];
        if (proposed.Type == StratigraphicRelationType.SameAs)
        {
            if (later == earlier)
            {
                var via = graph.SameAsPath(link.Later, link.Earlier);
                return
                [
                    new StratigraphyProblem(
                        $"\"{text}\" is already recorded through {Join(via.Select(r => r.Describe()))}.",
                        SameAsKeys(via, proposed.From))
                    {
                        Kind = StratigraphyProblemKind.AlreadyRecorded,
                        Relations = via,
                    },
                ];
            }

            var adjacency = graph.BuildAdjacency();
            var walk = graph.ShortestPath(adjacency, later, earlier) is { } down ? Walk.Of(graph, down, link.Later, link.Earlier)
                : graph.ShortestPath(adjacency, earlier, later) is { } up ? Walk.Of(graph, up, link.Earlier, link.Later)
                : null;
            if (walk is null)
                return [];
            return
            [
                new StratigraphyProblem(
                    $"\"{text}\" cannot be recorded: context {walk.Keys[0]} is already later than context {walk.Keys[^1]} " +
                    $"({walk.RelationsText}){walk.MergedNote}, so they cannot be the same context.",
                    walk.Keys)
                {
                    Kind = StratigraphyProblemKind.SameAsOrdered,
                    Relations = [proposed, .. walk.Relations],
                },
            ];
        }

        if (later == earlier)
            return [SameAsOrdered(graph, link)];

        // The proposal says Later is later than Earlier; it is refused when Earlier is already later than Later.
        var back = graph.ShortestPath(graph.BuildAdjacency(), earlier, later);
        if (back is null)
            return [];
        var chain = Walk.Of(graph, back, link.Earlier, link.Later);
        var kind = chain.Keys.Count == 2 ? StratigraphyProblemKind.Contradiction : StratigraphyProblemKind.Cycle;
        return
        [
            new StratigraphyProblem(
                $"\"{text}\" cannot be recorded: context {proposed.To} is already later than context {proposed.From} " +
                $"({chain.RelationsText}){chain.MergedNote}.",
                [proposed.From, .. chain.Keys])
            {
                Kind = kind,
                Relations = [proposed, .. chain.Relations],
            },
        ];
    }

    /// <summary>Adds the problems that need the whole graph: contradictions, "same as" contexts put in order, cycles.</summary>
    internal static void CheckGraph(StratigraphicGraph graph, List<StratigraphyProblem> problems)
    {
        // Two contexts put in opposite order by two relations: report the pair, and leave it out of the cycle search.
        var firstLink = new Dictionary<(int, int), int>();
        var contradictory = new HashSet<(int, int)>();
        for (var i = 0; i < graph.Orderings.Count; i++)
        {
            var link = graph.Orderings[i];
            firstLink.TryAdd((link.Later, link.Earlier), i);
            if (firstLink.TryGetValue((link.Earlier, link.Later), out var other)
                && contradictory.Add((Math.Min(link.Later, link.Earlier), Math.Max(link.Later, link.Earlier))))
            {
                var first = graph.Orderings[other].Relation;
                problems.Add(new StratigraphyProblem(
                    $"Context {link.Relation.To} would be both later and earlier than context {link.Relation.From}: " +
                    $"{first.Describe()}, {link.Relation.Describe()}.",
                    [first.From, first.To, link.Relation.To])
                {
                    Kind = StratigraphyProblemKind.Contradiction,
                    Relations = [first, link.Relation],
                });
            }
        }

        for (var i = 0; i < graph.Orderings.Count; i++)
        {
            var link = graph.Orderings[i];
            if (graph.GroupOf[link.Later] == graph.GroupOf[link.Earlier] && firstLink[(link.Later, link.Earlier)] == i)
                problems.Add(SameAsOrdered(graph, link));
        }

        var adjacency = graph.BuildAdjacency(i =>
        {
            var link = graph.Orderings[i];
            return !contradictory.Contains((Math.Min(link.Later, link.Earlier), Math.Max(link.Later, link.Earlier)));
        });
        var component = StronglyConnectedComponents(adjacency, graph.GroupCount, out var componentCount);
        var componentSize = new int[componentCount];
        foreach (var c in component)
            componentSize[c]++;

        // One chain per knot of cycles, starting from its lowest context number so reports are stable.
        var start = new int[componentCount];
        Array.Fill(start, -1);
        for (var g = 0; g < graph.GroupCount; g++)
        {
            var c = component[g];
            if (componentSize[c] > 1 && (start[c] < 0 || ContextKeyComparer.Instance.Compare(FirstKey(graph, g), FirstKey(graph, start[c])) < 0))
                start[c] = g;
        }

        foreach (var s in start.Where(s => s >= 0).Order())
        {
            var cycle = graph.ShortestPath(adjacency, s, s, g => component[g] == component[s])!;
            var first = graph.Orderings[cycle[0]].Later;
            var walk = Walk.Of(graph, cycle, first, first);
            problems.Add(new StratigraphyProblem(
                $"Context {graph.Orderings[cycle[^1]].Relation.From} would be both later and earlier than context {graph.Key(first)}: " +
                $"{walk.RelationsText}{walk.MergedNote}. " +
                $"The chain {Abbreviate(walk.Steps, Arrow)} comes back to where it started.",
                walk.Keys)
            {
                Kind = StratigraphyProblemKind.Cycle,
                Relations = walk.Relations,
            });
        }
    }

    private static string FirstKey(StratigraphicGraph graph, int group) => graph.Key(graph.Members[group][0]);

    private static StratigraphyProblem SameAsOrdered(StratigraphicGraph graph, StratigraphicGraph.Link link)
    {
        var via = graph.SameAsPath(link.Later, link.Earlier);
        var through = via.Count == 1 ? string.Empty : $" ({Join(via.Select(r => r.Describe()))})";
        return new StratigraphyProblem(
            $"Contexts {link.Relation.From} and {link.Relation.To} are recorded as the same context{through}, " +
            $"but also as \"{link.Relation.Describe()}\"; one context cannot be later than itself.",
            SameAsKeys(via, graph.Key(link.Later)))
        {
            Kind = StratigraphyProblemKind.SameAsOrdered,
            Relations = [link.Relation, .. via],
        };
    }

    private static List<string> SameAsKeys(List<StratigraphicRelation> path, string from)
    {
        var keys = new List<string> { from };
        foreach (var relation in path)
            keys.Add(relation.From == keys[^1] ? relation.To : relation.From);
        return keys;
    }

    private static StratigraphicRelation? FindRecorded(StratigraphicGraph graph, StratigraphicGraph.Link link, StratigraphicRelationType type)
    {
        if (type == StratigraphicRelationType.SameAs)
        {
            return graph.SameAs.FirstOrDefault(l =>
                (l.Later == link.Later && l.Earlier == link.Earlier) || (l.Later == link.Earlier && l.Earlier == link.Later)).Relation;
        }

        return graph.Orderings.FirstOrDefault(l => l.Later == link.Later && l.Earlier == link.Earlier && l.Relation.Type == type).Relation;
    }

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    /// <summary>
    /// Joins a long chain as its first and last links around a count of those left out, so a message
    /// stays readable; <see cref="StratigraphyProblem.Chain"/> still lists every context.
    /// </summary>
    private static string Abbreviate(List<string> items, string separator)
    {
        const int head = 6, tail = 5;
        if (items.Count <= head + tail + 1)
            return string.Join(separator, items);
        var left = items.Count - head - tail;
        return string.Join(separator, items.Take(head)) + $"{separator}\u2026 {left} more \u2026{separator}" + string.Join(separator, items.TakeLast(tail));
    }

    /// <summary>Tarjan's algorithm without recursion (a site may have chains thousands of contexts deep).</summary>
    private static int[] StronglyConnectedComponents(GroupAdjacency adjacency, int count, out int componentCount)
    {
        var index = new int[count];
        var low = new int[count];
        var component = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Edge)>();
        var next = 0;
        componentCount = 0;

        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
                continue;
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            calls.Push((root, adjacency.Start[root]));

            while (calls.Count > 0)
            {
                var (v, e) = calls.Pop();
                if (e < adjacency.Start[v + 1])
                {
                    calls.Push((v, e + 1));
                    var w = adjacency.Target[e];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack.Push(w);
                        onStack[w] = true;
                        calls.Push((w, adjacency.Start[w]));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = componentCount;
                    }
                    while (w != v);
                    componentCount++;
                }

                if (calls.Count > 0)
                {
                    var parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return component;
    }

    /// <summary>A path of ordering relations written out with the original context numbers.</summary>
    private sealed record Walk(List<string> Keys, List<string> Steps, List<StratigraphicRelation> Relations, string RelationsText, string MergedNote)
    {
        /// <summary>
        /// Writes out a path of "later than" from context <paramref name="startUnit"/> to context
        /// <paramref name="endUnit"/>. Keys lists every context the path touches, both records where it
        /// passes through a "same as" group; Steps joins those with " = " for display.
        /// </summary>
        public static Walk Of(StratigraphicGraph graph, List<int> path, int startUnit, int endUnit)
        {
            var links = path.Select(i => graph.Orderings[i]).ToList();
            var keys = new List<string>();
            var steps = new List<string>();
            var merged = new List<string>();

            void Visit(int unit, int sameAs)
            {
                keys.Add(graph.Key(unit));
                var step = graph.Key(unit);
                if (sameAs != unit)
                {
                    keys.Add(graph.Key(sameAs));
                    step += " = " + graph.Key(sameAs);
                    merged.Add($"{graph.Key(unit)} and {graph.Key(sameAs)}");
                }

                steps.Add(step);
            }

            Visit(startUnit, links[0].Later);
            for (var i = 0; i < links.Count; i++)
                Visit(links[i].Earlier, i + 1 < links.Count ? links[i + 1].Later : endUnit);

            var note = merged.Count switch
            {
                0 => string.Empty,
                1 => $" ({merged[0]} are recorded as the same context)",
                _ => $" (recorded as the same context: {string.Join("; ", merged)})",
            };
            var relations = links.Select(l => l.Relation).ToList();
            return new Walk(keys, steps, relations, Abbreviate([.. relations.Select(r => r.Describe())], ", "), note);
        }
    }
}
