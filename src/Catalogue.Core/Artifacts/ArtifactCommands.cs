using Catalogue.Core.Common;
using Catalogue.Core.Data;
using FluentValidation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Catalogue.Core.Artifacts;

/// <summary>Create, revise and publish artifacts. Each call validates first and changes nothing on failure.</summary>
public sealed class ArtifactCommands(
    CatalogueDbContext db,
    IValidator<CreateArtifactCommand> createValidator,
    IValidator<UpdateArtifactCommand> updateValidator,
    InstitutionCalendar calendar)
{
    public async Task<CommandResult<Artifact>> CreateAsync(CreateArtifactCommand command, CancellationToken cancellationToken = default)
    {
        var validation = await createValidator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Artifact>.Invalid(validation);
        try
        {
            var artifact = new Artifact(command.AccessionNumber!, command.ToDetails(), command.Status);
            db.Artifacts.Add(artifact);
            if (!string.IsNullOrWhiteSpace(command.FindNumber))
            {
                // The artifact and the find's new status are saved together: a find is never half-accessioned.
                var findNumber = Excavation.Find.NormalizeNumber(command.FindNumber);
                var find = await db.Finds.SingleAsync(f => f.FindNumber == findNumber, cancellationToken);
                find.MarkAccessioned(artifact);
            }

            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Artifact>.Success(artifact);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Artifact>.Invalid(e.Field, e.Message);
        }
        catch (DbUpdateConcurrencyException) when (!string.IsNullOrWhiteSpace(command.FindNumber))
        {
            // Another curator accessioned the same find between our check and our save.
            db.ChangeTracker.Clear();
            return CommandResult<Artifact>.Invalid(nameof(CreateArtifactCommand.FindNumber),
                $"Find {command.FindNumber} was accessioned by someone else a moment ago; nothing was saved.");
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Another curator took the number between our check and our insert.
            db.ChangeTracker.Clear();
            return CommandResult<Artifact>.Invalid(nameof(CreateArtifactCommand.AccessionNumber),
                $"Accession number {AccessionNumber.Normalize(command.AccessionNumber!)} is already used by another artifact.");
        }
    }

    public async Task<CommandResult<Artifact>> UpdateAsync(UpdateArtifactCommand command, CancellationToken cancellationToken = default)
    {
        var validation = await updateValidator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
            return CommandResult<Artifact>.Invalid(validation);
        var artifact = await Load(command.AccessionNumber, cancellationToken);
        if (artifact is null)
            return CommandResult<Artifact>.NotFound($"No artifact has the accession number {command.AccessionNumber}.");
        if (artifact.Version != command.Version)
            return Conflict(artifact);
        try
        {
            artifact.Revise(command.ToDetails());
            return await SaveExpecting(artifact, command.Version, cancellationToken);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Artifact>.Invalid(e.Field, e.Message);
        }
    }

    public async Task<CommandResult<Artifact>> ChangeStatusAsync(ChangePublicationStatusCommand command, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(command.Status))
            return CommandResult<Artifact>.Invalid(nameof(command.Status), "Publication status must be draft, internal or published.");
        var artifact = await Load(command.AccessionNumber, cancellationToken);
        if (artifact is null)
            return CommandResult<Artifact>.NotFound($"No artifact has the accession number {command.AccessionNumber}.");
        if (artifact.Version != command.Version)
            return Conflict(artifact);
        artifact.ChangeStatus(command.Status);
        return await SaveExpecting(artifact, command.Version, cancellationToken);
    }

    private Task<Artifact?> Load(string accessionNumber, CancellationToken cancellationToken)
    {
        var normalized = AccessionNumber.Normalize(accessionNumber);
        return db.Artifacts.Include(a => a.Terms).SingleOrDefaultAsync(a => a.AccessionNumber == normalized, cancellationToken);
    }

    private async Task<CommandResult<Artifact>> SaveExpecting(Artifact artifact, int expectedVersion, CancellationToken cancellationToken)
    {
        // The UPDATE's WHERE clause carries the version the editor saw, so a save that raced ours is caught too.
        db.Entry(artifact).Property(a => a.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Artifact>.Success(artifact);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Artifacts.AsNoTracking().SingleAsync(a => a.Id == artifact.Id, cancellationToken);
            return Conflict(current);
        }
    }

    private CommandResult<Artifact> Conflict(Artifact current) => CommandResult<Artifact>.Conflict(
        $"{current.AccessionNumber} was changed by {current.UpdatedBy} at {calendar.Time(current.UpdatedAt)} after you opened it. " +
        "Your changes were not saved, so nothing was overwritten: reload the record to see the current version and make your changes again.");

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: 19 } ||
        e.InnerException?.GetType().Name == "PostgresException" && e.InnerException.Message.Contains("23505", StringComparison.Ordinal);
}
