using System.Globalization;
using Catalogue.Core.Excavation.Stratigraphy;

namespace Catalogue.Benchmarks.Matrix;

/// <summary>
/// A reproducible excavation, built from the earliest deposit up as a site forms: trenches with a few
/// columns each, deposits laid over what is there (sometimes over two columns), pits cut and filled,
/// walls with deposits against them, occasional contexts recorded in two trenches and joined by "same as",
/// and some redundant relations recorders write anyway (a fill also "above" what its pit cut).
/// Context numbers are a shuffled permutation, as they bear no relation to age.
/// </summary>
internal static class SyntheticSite
{
    private static readonly string[] Periods =
        ["Đại La", "Đinh-Tiền Lê", "Lý", "Trần", "Hồ", "Lê sơ", "Mạc", "Lê trung hưng", "Tây Sơn", "Nguyễn"];

    public static (List<StratigraphicUnit> Units, List<StratigraphicRelation> Relations) Generate(int size, int seed)
    {
        var random = new Random(seed);
        var trenches = Math.Max(2, size / 400);
        const int columns = 5;
        var subPhases = Math.Clamp(size / 2000, 1, 3);
        var phaseCount = Periods.Length * subPhases;

        var keys = Enumerable.Range(1, size).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        random.Shuffle(keys);
        var units = new List<StratigraphicUnit>(size);
        var relations = new List<StratigraphicRelation>(size * 2);
        // The current top context in each column of each trench, and the one below it.
        var top = new string?[trenches, columns];
        var below = new string?[trenches, columns];

        string NewContext()
        {
            var phase = Math.Min(phaseCount - 1, units.Count * phaseCount / size);
            var name = subPhases == 1 ? Periods[phase] : $"{Periods[phase / subPhases]} {phase % subPhases + 1}";
            var key = keys[units.Count];
            units.Add(new StratigraphicUnit(key, key, name, phase + 1));
            return key;
        }

        void Relate(string later, StratigraphicRelationType type, string? earlier)
        {
            if (earlier is not null)
                relations.Add(new StratigraphicRelation(later, type, earlier));
        }

        void Cover(int trench, int column, string context)
        {
            below[trench, column] = top[trench, column];
            top[trench, column] = context;
        }

        while (units.Count < size)
        {
            var t = random.Next(trenches);
            var c = random.Next(columns);
            var next = (c + 1) % columns;
            var left = size - units.Count;
            var roll = random.NextDouble();

            if (roll < 0.02 && left >= 2 && trenches > 1)
            {
                // One layer seen in two trenches: two fresh records, so joining them cannot close a cycle.
                var other = (t + 1 + random.Next(trenches - 1)) % trenches;
                var here = NewContext();
                var there = NewContext();
                Relate(here, StratigraphicRelationType.Above, top[t, c]);
                Relate(there, StratigraphicRelationType.Above, top[other, c]);
                relations.Add(new StratigraphicRelation(here, StratigraphicRelationType.SameAs, there));
                Cover(t, c, here);
                Cover(other, c, there);
            }
            else if (roll < 0.62 || left < 3)
            {
                var deposit = NewContext();
                Relate(deposit, StratigraphicRelationType.Above, top[t, c]);
                if (random.NextDouble() < 0.6)
                {
                    Relate(deposit, StratigraphicRelationType.Above, top[t, next]);
                    Cover(t, next, deposit);
                }

                if (random.NextDouble() < 0.6)
                    Relate(deposit, StratigraphicRelationType.Above, below[t, c]);
                Cover(t, c, deposit);
            }
            else if (roll < 0.9)
            {
                var cut = NewContext();
                var cutInto = top[t, c];
                Relate(cut, StratigraphicRelationType.Cuts, cutInto);
                if (random.NextDouble() < 0.6)
                {
                    Relate(cut, StratigraphicRelationType.Cuts, top[t, next]);
                    Cover(t, next, cut);
                }

                Cover(t, c, cut);
                var fills = Math.Min(left - 1, random.Next(1, 4));
                for (var f = 0; f < fills; f++)
                {
                    var fill = NewContext();
                    Relate(fill, StratigraphicRelationType.Fills, cut);
                    if (f > 0)
                        Relate(fill, StratigraphicRelationType.Above, top[t, c]);
                    else if (random.NextDouble() < 0.6)
                        Relate(fill, StratigraphicRelationType.Above, cutInto);
                    Cover(t, c, fill);
                }
            }
            else
            {
                var wall = NewContext();
                Relate(wall, StratigraphicRelationType.Above, top[t, c]);
                Cover(t, c, wall);
                var against = NewContext();
                Relate(against, StratigraphicRelationType.Abuts, wall);
                Relate(against, StratigraphicRelationType.Above, top[t, next]);
                Cover(t, next, against);
            }
        }

        return (units, relations);
    }
}
