using Catalogue.Core.Excavation.Stratigraphy;
using NUnit.Framework;

namespace Catalogue.Core.Tests.Excavation;

/// <summary>Short ways to write a site's contexts and relations in tests: <c>Relations("1 above 2", "3 cut by 4")</c>.</summary>
internal static class StratigraphyTestData
{
    public static List<StratigraphicUnit> Units(params string[] keys) => [.. keys.Select(k => new StratigraphicUnit(k))];

    public static List<StratigraphicRelation> Relations(params string[] statements) => [.. statements.Select(StratigraphicRelation.Parse)];

    public static HarrisMatrix BuildValid(IEnumerable<StratigraphicUnit> units, IEnumerable<StratigraphicRelation> relations)
    {
        var result = HarrisMatrix.Build(units, relations);
        Assert.That(result.Problems, Is.Empty, "the test sequence should be sound");
        return result.Matrix!;
    }

    /// <summary>
    /// A seeded random site: contexts numbered in shuffled order, each later context related to
    /// one to three earlier ones (a DAG by construction), with redundant links on purpose.
    /// </summary>
    public static (List<StratigraphicUnit> Units, List<StratigraphicRelation> Relations) RandomSequence(int count, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        random.Shuffle(keys);
        var relations = new List<StratigraphicRelation>();
        var types = new[] { StratigraphicRelationType.Above, StratigraphicRelationType.Cuts, StratigraphicRelationType.Fills, StratigraphicRelationType.Abuts };
        // keys[0] is the latest; a context is related only to contexts after it in the array, so time runs one way.
        for (var i = 0; i < count - 1; i++)
        {
            var links = random.Next(1, 4);
            for (var l = 0; l < links; l++)
            {
                var j = Math.Min(count - 1, i + 1 + (int)Math.Abs(random.NextDouble() * random.NextDouble() * 40));
                relations.Add(new StratigraphicRelation(keys[i], types[random.Next(types.Length)], keys[j]));
            }
        }

        return (Units(keys), relations);
    }
}
