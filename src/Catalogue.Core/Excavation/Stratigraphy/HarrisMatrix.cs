namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>
/// A site's Harris matrix: the contexts ("same as" records joined into one node), the direct
/// "later than" lines left after transitive reduction, and a layout in rows with the latest at the
/// top. Built by <see cref="Build"/>; drawn by <see cref="HarrisMatrixSvg"/> and <see cref="HarrisMatrixDot"/>.
/// </summary>
public sealed class HarrisMatrix
{
    private const int OrderingSweeps = 4;

    // Lines that skip rows get a lane in each row they cross, so they pass between boxes rather than
    // behind them. Realistic sites need about one lane per context; past this budget (a pathological
    // record with many very long lines) lines are drawn straight instead, keeping the cost bounded.
    private const int MinLaneBudget = 50_000;
    private const int LanesPerNode = 4;

    private readonly Dictionary<string, HarrisMatrixNode> _nodeByKey;

    private HarrisMatrix(
        IReadOnlyList<HarrisMatrixNode> nodes,
        IReadOnlyList<HarrisMatrixEdge> edges,
        IReadOnlyList<IReadOnlyList<HarrisMatrixNode>> layers,
        IReadOnlyList<HarrisMatrixPhase> phases,
        int impliedRelationCount,
        IReadOnlyList<RowSlot[]> slots)
    {
        Slots = slots;
        Nodes = nodes;
        Edges = edges;
        Layers = layers;
        Phases = phases;
        ImpliedRelationCount = impliedRelationCount;
        _nodeByKey = new Dictionary<string, HarrisMatrixNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var key in node.MemberKeys)
                _nodeByKey[key] = node;
        }
    }

    /// <summary>Every node, row by row from the top, left to right within a row.</summary>
    public IReadOnlyList<HarrisMatrixNode> Nodes { get; }

    /// <summary>The direct "later than" lines, from the later node to the earlier one, after transitive reduction.</summary>
    public IReadOnlyList<HarrisMatrixEdge> Edges { get; }

    /// <summary>The rows, latest first (layer 0), each left to right.</summary>
    public IReadOnlyList<IReadOnlyList<HarrisMatrixNode>> Layers { get; }

    /// <summary>The phases in use, by <see cref="HarrisMatrixPhase.Order"/> (phases without one last, by name).</summary>
    public IReadOnlyList<HarrisMatrixPhase> Phases { get; }

    /// <summary>How many recorded "later than" links between distinct nodes were dropped because a longer path implies them.</summary>
    public int ImpliedRelationCount { get; }

    /// <summary>
    /// Each row left to right as the drawing lays it out: the row's nodes, with the lanes of lines
    /// passing through the row between them.
    /// </summary>
    internal IReadOnlyList<RowSlot[]> Slots { get; }

    /// <summary>The node that holds a context, by any of its member keys; null for an unknown key.</summary>
    public HarrisMatrixNode? NodeFor(string key) => _nodeByKey.GetValueOrDefault(key);

    /// <summary>
    /// Checks the site's stratigraphy (<see cref="StratigraphyAnalysis.Check"/>) and, when it is sound,
    /// builds the matrix: "same as" records joined, a topological order (Kahn), transitive reduction
    /// (reachability bitsets in reverse topological order), longest-path layering from the top and a
    /// few barycentre sweeps to reduce crossings within rows. Near-linear in practice; the reduction is
    /// O(nodes × edges / 64) at worst.
    /// </summary>
    public static HarrisMatrixResult Build(IEnumerable<StratigraphicUnit> units, IEnumerable<StratigraphicRelation> relations)
    {
        var problems = new List<StratigraphyProblem>();
        var graph = StratigraphicGraph.Load(units, relations, problems);
        StratigraphyAnalysis.CheckGraph(graph, problems);
        if (problems.Count > 0)
            return HarrisMatrixResult.Failure(problems);

        var n = graph.GroupCount;
        var (childStart, children) = DistinctChildren(graph, n);
        var topo = TopologicalOrder(n, childStart, children);
        var (keptStart, kept, implied) = TransitiveReduction(n, childStart, children, topo);
        var layer = LongestPathLayers(n, keptStart, kept, topo);
        var layout = OrderWithinLayers(graph, n, keptStart, kept, layer);
        return HarrisMatrixResult.Success(Assemble(graph, layout, layer, keptStart, kept, implied));
    }

    /// <summary>The distinct "later than" targets of each group, in compressed form.</summary>
    private static (int[] Start, int[] Children) DistinctChildren(StratigraphicGraph graph, int n)
    {
        var adjacency = graph.BuildAdjacency();
        var start = new int[n + 1];
        var children = new int[adjacency.Target.Length];
        var count = 0;
        for (var g = 0; g < n; g++)
        {
            start[g] = count;
            var segment = adjacency.Target.AsSpan(adjacency.Start[g], adjacency.Start[g + 1] - adjacency.Start[g]);
            segment.Sort();
            for (var i = 0; i < segment.Length; i++)
            {
                if (i == 0 || segment[i] != segment[i - 1])
                    children[count++] = segment[i];
            }
        }

        start[n] = count;
        return (start, children[..count]);
    }

    /// <summary>Kahn's algorithm; the graph has been checked to be acyclic.</summary>
    private static int[] TopologicalOrder(int n, int[] start, int[] children)
    {
        var inDegree = new int[n];
        foreach (var c in children)
            inDegree[c]++;
        var order = new int[n];
        int head = 0, tail = 0;
        for (var g = 0; g < n; g++)
        {
            if (inDegree[g] == 0)
                order[tail++] = g;
        }

        while (head < tail)
        {
            var u = order[head++];
            for (var e = start[u]; e < start[u + 1]; e++)
            {
                if (--inDegree[children[e]] == 0)
                    order[tail++] = children[e];
            }
        }

        if (tail != n)
            throw new InvalidOperationException("The stratigraphy has a cycle that the checks did not report.");
        return order;
    }

    /// <summary>
    /// Keeps an edge u→c only when no other child of u reaches c. Children are visited in topological
    /// order, so any child that could reach c comes before it; each node's reachable set is a bitset over
    /// topological positions, filled in reverse topological order and recycled once all its parents are done.
    /// Only the span of words that holds set bits is touched.
    /// </summary>
    private static (int[] Start, int[] Kept, int Implied) TransitiveReduction(int n, int[] start, int[] children, int[] topo)
    {
        var words = (n + 63) >> 6;
        var position = new int[n];
        for (var t = 0; t < n; t++)
            position[topo[t]] = t;
        var parentsLeft = new int[n];
        foreach (var c in children)
            parentsLeft[c]++;

        var reach = new ulong[n][];
        var low = new int[n];
        var high = new int[n];
        var pool = new Stack<ulong[]>();
        var keptCount = new int[n];
        var kept = new int[children.Length];
        var implied = 0;

        void Release(int g)
        {
            var bits = reach[g];
            if (high[g] >= low[g])
                Array.Clear(bits, low[g], high[g] - low[g] + 1);
            pool.Push(bits);
            reach[g] = null!;
        }

        for (var t = n - 1; t >= 0; t--)
        {
            var u = topo[t];
            var bits = pool.Count > 0 ? pool.Pop() : new ulong[words];
            int lo = int.MaxValue, hi = -1;
            var mine = children.AsSpan(start[u], start[u + 1] - start[u]);
            mine.Sort((a, b) => position[a].CompareTo(position[b]));
            var k = start[u];
            foreach (var c in mine)
            {
                var p = position[c];
                if ((bits[p >> 6] & (1UL << (p & 63))) != 0)
                {
                    implied++;
                    continue;
                }

                kept[k++] = c;
                var theirs = reach[c];
                for (var w = low[c]; w <= high[c]; w++)
                    bits[w] |= theirs[w];
                bits[p >> 6] |= 1UL << (p & 63);
                lo = Math.Min(lo, Math.Min(low[c], p >> 6));
                hi = Math.Max(hi, Math.Max(high[c], p >> 6));
            }

            keptCount[u] = k - start[u];
            reach[u] = bits;
            low[u] = lo;
            high[u] = hi;
            foreach (var c in mine)
            {
                if (--parentsLeft[c] == 0)
                    Release(c);
            }

            if (parentsLeft[u] == 0)
                Release(u);
        }

        // Compact the kept edges, which sit at the front of each node's original segment.
        var keptStart = new int[n + 1];
        var compact = new int[children.Length - implied];
        var at = 0;
        for (var g = 0; g < n; g++)
        {
            keptStart[g] = at;
            Array.Copy(kept, start[g], compact, at, keptCount[g]);
            at += keptCount[g];
        }

        keptStart[n] = at;
        return (keptStart, compact, implied);
    }

    /// <summary>Each node one row below its lowest parent, so the latest contexts sit in row 0.</summary>
    private static int[] LongestPathLayers(int n, int[] start, int[] kept, int[] topo)
    {
        var layer = new int[n];
        foreach (var u in topo)
        {
            for (var e = start[u]; e < start[u + 1]; e++)
                layer[kept[e]] = Math.Max(layer[kept[e]], layer[u] + 1);
        }

        return layer;
    }

    /// <summary>
    /// Orders each row. Lines that skip rows are first split by a lane in every row they cross
    /// (within a budget), so every link joins neighbouring rows. Rows start in the order a
    /// depth-first walk from the top meets them (related boxes start near each other), then a few
    /// down-and-up sweeps place each box or lane at the mean relative position of its neighbours in
    /// the next row (the barycentre heuristic), which reduces crossings.
    /// </summary>
    private static RowLayout OrderWithinLayers(StratigraphicGraph graph, int n, int[] start, int[] kept, int[] layer)
    {
        var layerCount = n == 0 ? 0 : layer.Max() + 1;
        long lanesNeeded = 0;
        for (var u = 0; u < n; u++)
        {
            for (var e = start[u]; e < start[u + 1]; e++)
                lanesNeeded += layer[kept[e]] - layer[u] - 1;
        }

        var lanes = lanesNeeded <= Math.Max(MinLaneBudget, (long)LanesPerNode * n) ? (int)lanesNeeded : 0;
        var items = n + lanes;
        var itemLayer = new int[items];
        Array.Copy(layer, itemLayer, n);
        var laneOf = new (int From, int To)[lanes];

        // Links between items (boxes and lanes), first as pairs, then in compressed form both ways.
        var linkFrom = new int[kept.Length + lanes];
        var linkTo = new int[kept.Length + lanes];
        int links = 0, next = n;
        for (var u = 0; u < n; u++)
        {
            for (var e = start[u]; e < start[u + 1]; e++)
            {
                var c = kept[e];
                var previous = u;
                for (var l = layer[u] + 1; lanes > 0 && l < layer[c]; l++)
                {
                    itemLayer[next] = l;
                    laneOf[next - n] = (u, c);
                    (linkFrom[links], linkTo[links]) = (previous, next);
                    links++;
                    previous = next++;
                }

                (linkFrom[links], linkTo[links]) = (previous, c);
                links++;
            }
        }

        var (downStart, down) = Compress(items, linkFrom, linkTo);
        var (upStart, up) = Compress(items, linkTo, linkFrom);

        // Boxes sort by context number; a lane sorts as the box its line leads to.
        int Target(int item) => item < n ? item : laneOf[item - n].To;
        int Compare(int a, int b) =>
            ContextKeyComparer.Instance.Compare(graph.Key(graph.Members[Target(a)][0]), graph.Key(graph.Members[Target(b)][0]));

        var rows = new List<int>[layerCount];
        for (var l = 0; l < layerCount; l++)
            rows[l] = [];
        var roots = Enumerable.Range(0, n).Where(g => upStart[g + 1] == upStart[g]).ToList();
        roots.Sort(Compare);
        var visited = new bool[items];
        var stack = new Stack<int>();
        var buffer = new List<int>();
        for (var r = roots.Count - 1; r >= 0; r--)
            stack.Push(roots[r]);
        while (stack.Count > 0)
        {
            var u = stack.Pop();
            if (visited[u])
                continue;
            visited[u] = true;
            rows[itemLayer[u]].Add(u);
            buffer.Clear();
            for (var e = downStart[u]; e < downStart[u + 1]; e++)
            {
                if (!visited[down[e]])
                    buffer.Add(down[e]);
            }

            buffer.Sort(Compare);
            for (var i = buffer.Count - 1; i >= 0; i--)
                stack.Push(buffer[i]);
        }

        var relative = new double[items];
        var key = new double[items];
        void Measure(List<int> row)
        {
            for (var i = 0; i < row.Count; i++)
                relative[row[i]] = (i + 0.5) / row.Count;
        }

        foreach (var row in rows)
            Measure(row);

        void Sweep(List<int> row, int[] neighbourStart, int[] neighbours)
        {
            for (var i = 0; i < row.Count; i++)
            {
                var g = row[i];
                int from = neighbourStart[g], to = neighbourStart[g + 1];
                if (from == to)
                {
                    key[g] = relative[g];
                    continue;
                }

                var sum = 0.0;
                for (var e = from; e < to; e++)
                    sum += relative[neighbours[e]];
                key[g] = sum / (to - from);
            }

            // A stable sort: ties keep their current order.
            var current = row.ToArray();
            var index = Enumerable.Range(0, current.Length).ToArray();
            Array.Sort(index, (a, b) =>
            {
                var byKey = key[current[a]].CompareTo(key[current[b]]);
                return byKey != 0 ? byKey : a.CompareTo(b);
            });
            for (var i = 0; i < index.Length; i++)
                row[i] = current[index[i]];
            Measure(row);
        }

        for (var sweep = 0; sweep < OrderingSweeps; sweep++)
        {
            for (var l = 1; l < layerCount; l++)
                Sweep(rows[l], upStart, up);
            for (var l = layerCount - 2; l >= 0; l--)
                Sweep(rows[l], downStart, down);
        }

        return new RowLayout(rows, laneOf);
    }

    private static (int[] Start, int[] Targets) Compress(int count, int[] from, int[] to)
    {
        var start = new int[count + 1];
        var links = from.Length;
        for (var i = 0; i < links; i++)
            start[from[i] + 1]++;
        for (var g = 0; g < count; g++)
            start[g + 1] += start[g];
        var fill = (int[])start.Clone();
        var targets = new int[links];
        for (var i = 0; i < links; i++)
            targets[fill[from[i]]++] = to[i];
        return (start, targets);
    }

    /// <summary>The ordered rows of items: groups are 0..n-1, lanes n.. with the line each belongs to.</summary>
    private sealed record RowLayout(List<int>[] Rows, (int From, int To)[] LaneOf);

    private static HarrisMatrix Assemble(StratigraphicGraph graph, RowLayout layout, int[] layer, int[] start, int[] kept, int implied)
    {
        var n = graph.GroupCount;
        var rows = layout.Rows;
        var nodeOf = new HarrisMatrixNode[n];
        var nodeIndex = new int[n];
        var position = new int[n];
        var nodes = new List<HarrisMatrixNode>(n);
        var layers = new List<IReadOnlyList<HarrisMatrixNode>>(rows.Length);
        var phases = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var inRow = new List<HarrisMatrixNode>(row.Count);
            foreach (var g in row)
            {
                if (g >= n)
                    continue;
                position[g] = inRow.Count;
                var members = graph.Members[g].Select(m => graph.Units[m]).ToList();
                var phased = members.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m.Phase));
                var phase = phased?.Phase?.Trim();
                if (phase is not null && (!phases.TryGetValue(phase, out var order) || order is null))
                    phases[phase] = phased!.PhaseOrder;
                var node = new HarrisMatrixNode(
                    members[0].Key,
                    [.. members.Select(m => m.Key)],
                    string.Join(" = ", members.Select(m => m.DisplayLabel)),
                    phase,
                    phased?.PhaseOrder,
                    layer[g],
                    inRow.Count);
                nodeOf[g] = node;
                nodeIndex[g] = nodes.Count;
                inRow.Add(node);
                nodes.Add(node);
            }

            layers.Add(inRow);
        }

        var edges = new List<HarrisMatrixEdge>(kept.Length);
        var edgeIndex = new Dictionary<(int, int), int>(layout.LaneOf.Length == 0 ? 0 : kept.Length);
        var targets = new List<int>();
        foreach (var row in rows)
        {
            foreach (var u in row)
            {
                if (u >= n)
                    continue;
                targets.Clear();
                for (var e = start[u]; e < start[u + 1]; e++)
                    targets.Add(kept[e]);
                targets.Sort((a, b) => layer[a] != layer[b] ? layer[a].CompareTo(layer[b]) : position[a].CompareTo(position[b]));
                foreach (var c in targets)
                {
                    if (layout.LaneOf.Length > 0)
                        edgeIndex[(u, c)] = edges.Count;
                    edges.Add(new HarrisMatrixEdge(nodeOf[u].Id, nodeOf[c].Id));
                }
            }
        }

        var slots = new RowSlot[rows.Length][];
        for (var l = 0; l < rows.Length; l++)
        {
            slots[l] = new RowSlot[rows[l].Count];
            for (var i = 0; i < rows[l].Count; i++)
            {
                var item = rows[l][i];
                slots[l][i] = item < n ? new RowSlot(nodeIndex[item], -1) : new RowSlot(-1, edgeIndex[layout.LaneOf[item - n]]);
            }
        }

        var phaseList = phases
            .Select(p => new HarrisMatrixPhase(p.Key, p.Value))
            .OrderBy(p => p.Order is null)
            .ThenBy(p => p.Order)
            .ThenBy(p => p.Name, ContextKeyComparer.Instance)
            .ToList();
        return new HarrisMatrix(nodes, edges, layers, phaseList, implied, slots);
    }
}

/// <summary>One place in a drawn row: a node (index into <see cref="HarrisMatrix.Nodes"/>) or the lane of a line (index into <see cref="HarrisMatrix.Edges"/>).</summary>
internal readonly record struct RowSlot(int Node, int Edge)
{
    public bool IsLane => Node < 0;
}
