using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Locations;

public sealed class SaveLocationCommand
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public LocationKind Kind { get; set; } = LocationKind.Box;
    public string? ParentCode { get; set; }
    public int Version { get; set; }
}

/// <summary>Move these objects to a location: all of them, or none if one cannot move.</summary>
public sealed class MoveCommand
{
    public List<string> AccessionNumbers { get; set; } = [];
    public string? ToLocationCode { get; set; }
    public DateTime? MovedAt { get; set; }
    public string? Reason { get; set; }
}

/// <summary>What was found in a location: the expected objects ticked as present, and any found there unexpectedly.</summary>
public sealed class InventoryCommand
{
    public string LocationCode { get; set; } = string.Empty;
    public List<string> Present { get; set; } = [];
    public List<string> FoundHere { get; set; } = [];
    public string? Notes { get; set; }

    /// <summary>Record a move to this location for the objects found here unexpectedly.</summary>
    public bool MoveFoundHere { get; set; }
}

/// <summary>The storage hierarchy, moves and inventory checks.</summary>
public sealed class LocationCommands(CatalogueDbContext db, ICurrentUser user, TimeProvider clock, InstitutionCalendar calendar, LocationQueries queries)
{
    public async Task<CommandResult<StorageLocation>> SaveAsync(SaveLocationCommand command, bool isNew, CancellationToken cancellationToken = default)
    {
        var code = (command.Code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length == 0)
            return CommandResult<StorageLocation>.Invalid(nameof(command.Code), "Location code is required.");
        StorageLocation? parent = null;
        if (!string.IsNullOrWhiteSpace(command.ParentCode))
        {
            var parentCode = command.ParentCode.Trim().ToUpperInvariant();
            parent = await db.Locations.SingleOrDefaultAsync(l => l.Code == parentCode, cancellationToken);
            if (parent is null)
                return CommandResult<StorageLocation>.Invalid(nameof(command.ParentCode), $"There is no location {parentCode}.");
        }

        var existing = await db.Locations.SingleOrDefaultAsync(l => l.Code == code, cancellationToken);
        try
        {
            StorageLocation location;
            if (isNew)
            {
                if (existing is not null)
                    return CommandResult<StorageLocation>.Invalid(nameof(command.Code), $"Location code {code} is already used.");
                location = new StorageLocation(code, command.Name ?? string.Empty, command.Kind, parent);
                db.Locations.Add(location);
            }
            else
            {
                if (existing is null)
                    return CommandResult<StorageLocation>.NotFound($"There is no location {code}.");
                if (existing.Version != command.Version)
                    return CommandResult<StorageLocation>.Conflict($"{code} was changed by {existing.UpdatedBy} at {calendar.Time(existing.UpdatedAt)} after you opened it. Nothing was saved: reload and edit again.");
                location = existing;
                location.Rename(command.Name ?? string.Empty, command.Kind);
                var parents = await db.Locations.ToDictionaryAsync(l => l.Id, l => l.ParentId, cancellationToken);
                location.PlaceUnder(parent, parents);
                db.Entry(location).Property(l => l.Version).OriginalValue = command.Version;
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<StorageLocation>.Success(location);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<StorageLocation>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<StorageLocation>.Conflict($"{code} was changed by someone else after you opened it. Nothing was saved: reload and edit again.");
        }
    }

    /// <summary>Moves every listed object, or none: every problem is listed.</summary>
    public async Task<CommandResult<int>> MoveAsync(MoveCommand command, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reason = Text.Clean(command.Reason);
        if (reason is null)
            errors.Add(new FieldError(nameof(command.Reason), "Say why the objects are moved."));
        else if (reason.Length > Movement.ReasonMaxLength)
            errors.Add(new FieldError(nameof(command.Reason), $"Reason must be at most {Movement.ReasonMaxLength} characters."));
        var numbers = command.AccessionNumbers.Select(n => AccessionNumber.Normalize(n)).Where(n => n.Length > 0).Distinct().ToList();
        if (numbers.Count == 0)
            errors.Add(new FieldError(nameof(command.AccessionNumbers), "List at least one accession number to move."));
        var toCode = (command.ToLocationCode ?? string.Empty).Trim().ToUpperInvariant();
        var to = toCode.Length == 0 ? null : await db.Locations.SingleOrDefaultAsync(l => l.Code == toCode, cancellationToken);
        if (to is null)
            errors.Add(new FieldError(nameof(command.ToLocationCode), toCode.Length == 0 ? "Choose where the objects go." : $"There is no location {toCode}."));
        var movedAt = command.MovedAt?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime;
        if (movedAt > clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            errors.Add(new FieldError(nameof(command.MovedAt), "A move cannot be dated in the future."));

        var artifacts = await db.Artifacts.Where(a => numbers.Contains(a.AccessionNumber)).ToDictionaryAsync(a => a.AccessionNumber, cancellationToken);
        foreach (var unknown in numbers.Where(n => !artifacts.ContainsKey(n)))
            errors.Add(new FieldError(nameof(command.AccessionNumbers), $"No artifact has the accession number {unknown}."));
        var current = await queries.PlacementsAsync(artifacts.Values.Select(a => a.Id).ToList(), cancellationToken);
        foreach (var artifact in artifacts.Values)
        {
            if (!current.TryGetValue(artifact.Id, out var placement))
                continue;
            if (placement.LoanReference is not null)
                errors.Add(new FieldError(nameof(command.AccessionNumbers), $"{artifact.AccessionNumber} is on loan ({placement.LoanReference}, {placement.Where}); it moves back when the loan is returned."));
            else if (movedAt < placement.Since)
                errors.Add(new FieldError(nameof(command.MovedAt),
                    $"{artifact.AccessionNumber} was last moved on {calendar.Time(placement.Since)}; a move cannot be dated before that."));
        }

        if (errors.Count > 0)
            return CommandResult<int>.Invalid(errors);

        var batch = Guid.NewGuid();
        foreach (var artifact in artifacts.Values)
        {
            var from = current.TryGetValue(artifact.Id, out var placement) ? placement.LocationId : null;
            db.Movements.Add(new Movement(artifact, from, to!.Id, null, movedAt, user.Name, reason!, batch));
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<int>.Success(artifacts.Count);
    }

    /// <summary>Moves everything now in a location (and its sub-locations) to another, in one step.</summary>
    public async Task<CommandResult<int>> MoveContentsAsync(string fromCode, string? toCode, DateTime? movedAt, string? reason, CancellationToken cancellationToken = default)
    {
        var contents = await queries.ContentsAsync(fromCode, cancellationToken);
        if (contents is null)
            return CommandResult<int>.NotFound($"There is no location {fromCode}.");
        if (contents.Count == 0)
            return CommandResult<int>.Invalid("From", $"{fromCode} holds no objects.");
        return await MoveAsync(new MoveCommand
        {
            AccessionNumbers = contents.Select(c => c.AccessionNumber).ToList(),
            ToLocationCode = toCode,
            MovedAt = movedAt,
            Reason = reason,
        }, cancellationToken);
    }

    /// <summary>Stores a dated inventory: expected objects present or missing, and those found here unexpectedly.</summary>
    public async Task<CommandResult<InventoryCheck>> InventoryAsync(InventoryCommand command, CancellationToken cancellationToken = default)
    {
        var code = command.LocationCode.Trim().ToUpperInvariant();
        var location = await db.Locations.SingleOrDefaultAsync(l => l.Code == code, cancellationToken);
        var expected = await queries.ContentsAsync(code, cancellationToken);
        if (location is null || expected is null)
            return CommandResult<InventoryCheck>.NotFound($"There is no location {code}.");
        var expectedNumbers = expected.Select(e => e.AccessionNumber).ToHashSet(StringComparer.Ordinal);
        var foundHere = command.FoundHere.Select(AccessionNumber.Normalize).Where(n => n.Length > 0).ToList();
        // An expected object listed as found here is simply present.
        var present = command.Present.Select(AccessionNumber.Normalize).Concat(foundHere).ToHashSet(StringComparer.Ordinal);
        var found = foundHere.Where(n => !expectedNumbers.Contains(n)).Distinct().ToList();
        var artifacts = await db.Artifacts.Where(a => expectedNumbers.Contains(a.AccessionNumber) || found.Contains(a.AccessionNumber))
            .ToDictionaryAsync(a => a.AccessionNumber, cancellationToken);
        var unknown = found.Where(n => !artifacts.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
            return CommandResult<InventoryCheck>.Invalid(nameof(command.FoundHere), $"No artifact has the accession number {string.Join(", ", unknown)}.");
        if (command.Notes?.Trim().Length > 2000)
            return CommandResult<InventoryCheck>.Invalid(nameof(command.Notes), "Notes must be at most 2000 characters.");

        // The check and the moves of what was found here are stored together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var check = new InventoryCheck(location, now, user.Name, command.Notes);
        foreach (var number in expectedNumbers.Order(StringComparer.Ordinal))
            check.Add(artifacts[number], present.Contains(number) ? InventoryResult.Present : InventoryResult.Missing);
        foreach (var number in found)
            check.Add(artifacts[number], InventoryResult.FoundHere);
        db.InventoryChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);

        if (command.MoveFoundHere && found.Count > 0)
        {
            var moved = await MoveAsync(new MoveCommand { AccessionNumbers = found, ToLocationCode = code, MovedAt = now, Reason = $"Found in {code} during the inventory check" }, cancellationToken);
            if (!moved.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return CommandResult<InventoryCheck>.Invalid(moved.Errors.Select(e => e with { Field = nameof(command.FoundHere) }));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return CommandResult<InventoryCheck>.Success(check);
    }
}
