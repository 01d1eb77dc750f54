namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// A site's contexts and relations indexed for the graph algorithms: contexts by position,
/// relations that can be used (both contexts known, not a context to itself) as index pairs,
/// and the "same as" groups that become one node of the matrix.
/// </summary>
internal sealed class StratigraphicGraph
{
    private readonly int[] _parent;
    private int[][]? _sameAsAdjacency;

    private StratigraphicGraph(StratigraphicUnit[] units, Dictionary<string, int> indexOf, List<Link> orderings, List<Link> sameAs)
    {
        Units = units;
        IndexOf = indexOf;
        Orderings = orderings;
        SameAs = sameAs;

        _parent = new int[units.Length];
        for (var i = 0; i < _parent.Length; i++)
            _parent[i] = i;
        var size = new int[units.Length];
        Array.Fill(size, 1);
        foreach (var link in sameAs)
            Union(link.Later, link.Earlier, size);

        GroupOf = new int[units.Length];
        var groupOfRoot = new int[units.Length];
        Array.Fill(groupOfRoot, -1);
        var members = new List<List<int>>();
        for (var i = 0; i < units.Length; i++)
        {
            var root = Find(i);
            if (groupOfRoot[root] < 0)
            {
                groupOfRoot[root] = members.Count;
                members.Add([]);
            }

            GroupOf[i] = groupOfRoot[root];
            members[GroupOf[i]].Add(i);
        }

        Members = new int[members.Count][];
        for (var g = 0; g < members.Count; g++)
        {
            var list = members[g];
            if (list.Count > 1)
                list.Sort((a, b) => ContextKeyComparer.Instance.Compare(units[a].Key, units[b].Key));
            Members[g] = [.. list];
        }
    }

    /// <summary>A usable relation: for an ordering one, <see cref="Later"/> is later than <see cref="Earlier"/>; for "same as", just the two contexts.</summary>
    internal readonly record struct Link(int Later, int Earlier, StratigraphicRelation Relation);

    public StratigraphicUnit[] Units { get; }

    public Dictionary<string, int> IndexOf { get; }

    /// <summary>Ordering relations between two known, different contexts, duplicates removed, in input order.</summary>
    public List<Link> Orderings { get; }

    /// <summary>"Same as" relations between two known, different contexts, duplicates removed, in input order.</summary>
    public List<Link> SameAs { get; }

    /// <summary>The "same as" group (matrix node) of each context, numbered in order of first appearance.</summary>
    public int[] GroupOf { get; }

    /// <summary>The contexts of each group, in context-number order.</summary>
    public int[][] Members { get; }

    public int GroupCount => Members.Length;

    public string Key(int unit) => Units[unit].Key;

    /// <summary>
    /// Indexes the units and relations. Problems that make a unit or relation unusable (blank or
    /// repeated numbers, unknown contexts, a context related to itself) are added to
    /// <paramref name="problems"/> and the offending item is left out.
    /// </summary>
    public static StratigraphicGraph Load(IEnumerable<StratigraphicUnit> units, IEnumerable<StratigraphicRelation> relations, List<StratigraphyProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(relations);

        var kept = new List<StratigraphicUnit>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var reportedDuplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (unit is null)
                throw new ArgumentException("The list of contexts contains a null entry.", nameof(units));
            if (string.IsNullOrWhiteSpace(unit.Key))
            {
                var label = string.IsNullOrWhiteSpace(unit.Label) ? string.Empty : $" (\"{unit.Label.Trim()}\")";
                problems.Add(new StratigraphyProblem($"A context{label} has no context number; give it one before drawing the matrix.", [])
                {
                    Kind = StratigraphyProblemKind.BlankContextNumber,
                });
                continue;
            }

            if (!indexOf.TryAdd(unit.Key, kept.Count))
            {
                if (reportedDuplicates.Add(unit.Key))
                {
                    problems.Add(new StratigraphyProblem(
                        $"Context {unit.Key} is recorded more than once; context numbers must be unique within a site.", [unit.Key])
                    {
                        Kind = StratigraphyProblemKind.DuplicateContext,
                    });
                }

                continue;
            }

            kept.Add(unit);
        }

        var orderings = new List<Link>();
        var sameAs = new List<Link>();
        var seen = new HashSet<(int, StratigraphicRelationType, int)>();
        foreach (var relation in relations)
        {
            if (relation is null)
                throw new ArgumentException("The list of relations contains a null entry.", nameof(relations));
            if (TryResolve(relation, indexOf, out var link) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            var (a, b) = relation.Type == StratigraphicRelationType.SameAs && link.Later > link.Earlier
                ? (link.Earlier, link.Later)
                : (link.Later, link.Earlier);
            if (!seen.Add((a, relation.Type, b)))
                continue;
            (relation.IsOrdering ? orderings : sameAs).Add(link);
        }

        return new StratigraphicGraph([.. kept], indexOf, orderings, sameAs);
    }

    /// <summary>Finds both contexts of a relation, or says why the relation cannot be used.</summary>
    public static StratigraphyProblem? TryResolve(StratigraphicRelation relation, Dictionary<string, int> indexOf, out Link link)
    {
        link = default;
        var fromKnown = relation.From is not null && indexOf.ContainsKey(relation.From);
        var toKnown = relation.To is not null && indexOf.ContainsKey(relation.To);
        var text = relation.Describe();
        if (!fromKnown || !toKnown)
        {
            var unknown = new List<string>();
            if (!fromKnown)
                unknown.Add(relation.From ?? string.Empty);
            if (!toKnown && !(relation.To == relation.From && !fromKnown))
                unknown.Add(relation.To ?? string.Empty);
            var message = unknown.Count == 1
                ? $"The relation \"{text}\" names context {Shown(unknown[0])}, which is not recorded on this site."
                : $"The relation \"{text}\" names contexts {Shown(unknown[0])} and {Shown(unknown[1])}, which are not recorded on this site.";
            return new StratigraphyProblem(message, unknown) { Kind = StratigraphyProblemKind.UnknownContext, Relations = [relation] };
        }

        if (string.Equals(relation.From, relation.To, StringComparison.Ordinal))
        {
            var reason = relation.Type switch
            {
                StratigraphicRelationType.SameAs => "it is the same context already",
                StratigraphicRelationType.Fills => "a fill cannot fill itself",
                StratigraphicRelationType.Cuts => "a cut cannot cut itself",
                _ => "a context cannot be earlier or later than itself",
            };
            return new StratigraphyProblem(
                $"Context {relation.From} is related to itself (\"{text}\"): {reason}. A relation must name two different contexts.",
                [relation.From!])
            {
                Kind = StratigraphyProblemKind.SelfRelation,
                Relations = [relation],
            };
        }

        link = new Link(indexOf[relation.From!], indexOf[relation.To!], relation);
        return null;
    }

    private static string Shown(string key) => string.IsNullOrWhiteSpace(key) ? "(blank)" : key;

    /// <summary>
    /// Outgoing "later than" edges between groups in compressed form: the edges of group g are
    /// <c>Target[Start[g]..Start[g + 1]]</c>, each with the index in <see cref="Orderings"/> it came from.
    /// Edges inside one group are left out, as are those <paramref name="include"/> rejects.
    /// Parallel edges are kept (the first one found is the one reported).
    /// </summary>
    public GroupAdjacency BuildAdjacency(Func<int, bool>? include = null)
    {
        var start = new int[GroupCount + 1];
        var count = 0;
        for (var i = 0; i < Orderings.Count; i++)
        {
            var link = Orderings[i];
            if (GroupOf[link.Later] == GroupOf[link.Earlier] || (include is not null && !include(i)))
                continue;
            start[GroupOf[link.Later] + 1]++;
            count++;
        }

        for (var g = 0; g < GroupCount; g++)
            start[g + 1] += start[g];
        var fill = (int[])start.Clone();
        var target = new int[count];
        var linkIndex = new int[count];
        for (var i = 0; i < Orderings.Count; i++)
        {
            var link = Orderings[i];
            int from = GroupOf[link.Later], to = GroupOf[link.Earlier];
            if (from == to || (include is not null && !include(i)))
                continue;
            var at = fill[from]++;
            target[at] = to;
            linkIndex[at] = i;
        }

        return new GroupAdjacency(start, target, linkIndex);
    }

    /// <summary>
    /// The shortest path of "later than" from group <paramref name="from"/> to group <paramref name="to"/>
    /// (indices into <see cref="Orderings"/>), or null when there is none. With <paramref name="from"/> equal
    /// to <paramref name="to"/>, the shortest cycle through it.
    /// </summary>
    public List<int>? ShortestPath(GroupAdjacency adjacency, int from, int to, Func<int, bool>? allowGroup = null)
    {
        var viaLink = new int[GroupCount];
        var visited = new bool[GroupCount];
        var queue = new Queue<int>();
        queue.Enqueue(from);
        if (from != to)
            visited[from] = true;
        while (queue.Count > 0)
        {
            var g = queue.Dequeue();
            for (var e = adjacency.Start[g]; e < adjacency.Start[g + 1]; e++)
            {
                var next = adjacency.Target[e];
                if (visited[next] || (allowGroup is not null && !allowGroup(next)))
                    continue;
                visited[next] = true;
                viaLink[next] = adjacency.Link[e];
                if (next == to)
                    return Backtrack(viaLink, from, to);
                queue.Enqueue(next);
            }
        }

        return null;
    }

    private List<int> Backtrack(int[] viaLink, int from, int to)
    {
        var path = new List<int>();
        var g = to;
        do
        {
            var link = viaLink[g];
            path.Add(link);
            g = GroupOf[Orderings[link].Later];
        }
        while (g != from);
        path.Reverse();
        return path;
    }

    /// <summary>The "same as" relations that join two contexts of one group, shortest first found.</summary>
    public List<StratigraphicRelation> SameAsPath(int fromUnit, int toUnit)
    {
        if (_sameAsAdjacency is null)
        {
            var lists = new List<int>?[Units.Length];
            for (var i = 0; i < SameAs.Count; i++)
            {
                (lists[SameAs[i].Later] ??= []).Add(i);
                (lists[SameAs[i].Earlier] ??= []).Add(i);
            }

            _sameAsAdjacency = [.. lists.Select(l => l is null ? [] : l.ToArray())];
        }

        var via = new Dictionary<int, int> { [fromUnit] = -1 };
        var queue = new Queue<int>([fromUnit]);
        while (queue.Count > 0 && !via.ContainsKey(toUnit))
        {
            var u = queue.Dequeue();
            foreach (var i in _sameAsAdjacency[u])
            {
                var v = SameAs[i].Later == u ? SameAs[i].Earlier : SameAs[i].Later;
                if (via.TryAdd(v, i))
                    queue.Enqueue(v);
            }
        }

        var path = new List<StratigraphicRelation>();
        var at = toUnit;
        while (via.TryGetValue(at, out var i) && i >= 0)
        {
            path.Add(SameAs[i].Relation);
            at = SameAs[i].Later == at ? SameAs[i].Earlier : SameAs[i].Later;
        }
        path.Reverse();
        return path;
    }

    private int Find(int x)
    {
        var root = x;
        while (_parent[root] != root)
            root = _parent[root];
        while (_parent[x] != root)
        {
            var next = _parent[x];
            _parent[x] = root;
            x = next;
        }

        return root;
    }

    private void Union(int a, int b, int[] size)
    {
        a = Find(a);
        b = Find(b);
        if (a == b)
            return;
        if (size[a] < size[b])
            (a, b) = (b, a);
        _parent[b] = a;
        size[a] += size[b];
    }
}

/// <summary>Compressed adjacency lists of the group graph; see <see cref="StratigraphicGraph.BuildAdjacency"/>.</summary>
internal sealed record GroupAdjacency(int[] Start, int[] Target, int[] Link);
