using System.Globalization;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Excavation;

/// <summary>Prefills a new catalogue record from a registered find: type, material, period, provenance and the link back.</summary>
public sealed class AccessionProposal(CatalogueDbContext db, InstitutionCalendar calendar)
{
    public async Task<CreateArtifactCommand?> ProposeAsync(string findNumber, CancellationToken cancellationToken = default)
    {
        var number = Find.NormalizeNumber(findNumber);
        var find = await db.Finds.AsNoTracking()
            .Include(f => f.Context).ThenInclude(c => c!.Site)
            .Include(f => f.Context).ThenInclude(c => c!.Period)
            .Include(f => f.ObjectType)
            .SingleOrDefaultAsync(f => f.FindNumber == number && f.Status == FindStatus.Registered, cancellationToken);
        if (find is null)
            return null;
        var context = find.Context!;
        var site = context.Site!;
        var type = find.ObjectType?.Label;
        return new CreateArtifactCommand
        {
            FindNumber = find.FindNumber,
            AccessionNumber = await NextAccessionNumberAsync(cancellationToken),
            ObjectTypeId = find.ObjectTypeId,
            MaterialIds = find.MaterialId is { } m ? [m] : [],
            PeriodId = context.PeriodId,
            EarliestYear = context.Period?.StartYear,
            LatestYear = context.Period?.EndYear,
            // A generic title when the type is unknown: the find number is excavation detail the public must not see.
            TitleVi = type?.Vi ?? "Hiện vật chưa xác định",
            TitleFr = type?.Fr ?? "Objet non identifié",
            TitleEn = type?.En ?? "Unidentified object",
            Provenance = string.Create(CultureInfo.InvariantCulture,
                $"{site.Name.In("en")} ({site.Code}), context {context.Label}{(context.Phase is { } p ? $", {p}" : string.Empty)}, find {find.FindNumber}{(find.FoundOn is { } d ? $", found {d:yyyy-MM-dd}" : string.Empty)}."),
            // A single piece's weight is the object's; a find of several sherds weighs them together.
            WeightValue = find.Count == 1 ? find.WeightGrams : null,
            WeightUnit = "g",
            Status = PublicationStatus.Draft,
        };
    }

    /// <summary>The next free number in the most used collection prefix for this year, e.g. TL.2026.0001.</summary>
    public async Task<string> NextAccessionNumberAsync(CancellationToken cancellationToken = default)
    {
        var year = calendar.Today.Year;
        var numbers = await db.Artifacts.Select(a => a.AccessionNumber).ToListAsync(cancellationToken);
        var prefix = numbers.Select(n => n.Split('.')[0]).GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "TL";
        var stem = $"{prefix}.{year}.";
        var highest = numbers.Where(n => n.StartsWith(stem, StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan(stem.Length).ToString().Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        return $"{stem}{highest + 1:0000}";
    }
}
