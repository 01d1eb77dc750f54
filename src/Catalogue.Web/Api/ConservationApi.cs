using Catalogue.Core.Conservation;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalogue.Web.Api;

/// <summary><c>GET /api/artifacts/{accessionNumber}/conservation</c>: condition reports and treatments, for staff only.</summary>
public static class ConservationApi
{
    public static IEndpointRouteBuilder MapConservationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/artifacts/{accessionNumber}/conservation", GetAsync).RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<Results<Ok<ConservationDto>, ProblemHttpResult>> GetAsync(
        string accessionNumber, Catalogue.Core.Artifacts.ArtifactQueries artifacts, ConservationQueries queries, CancellationToken cancellationToken)
    {
        var artifact = await artifacts.GetAsync(accessionNumber, publishedOnly: false, cancellationToken);
        if (artifact is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Artifact not found",
                detail: $"No artifact has the accession number '{accessionNumber}'.");
        var reports = new List<ConditionReportDto>();
        foreach (var summary in await queries.ReportsForArtifactAsync(artifact.AccessionNumber, cancellationToken))
        {
            var r = (await queries.ReportAsync(summary.Reference, cancellationToken))!;
            reports.Add(new ConditionReportDto(r.Reference, r.ExaminedOn, r.Examiner, r.Purpose, r.Overall, r.Priority,
                r.Observations.OrderBy(o => o.Order).Select(o => new ObservationDto(o.DamageType?.Code, o.Location, o.Severity, o.Notes)).ToList(),
                r.Hazards, r.Recommendation, r.NextCheckDue, r.Notes, r.CreatedBy, r.CreatedAt, r.Amendments.Select(AmendmentDto.Of).ToList()));
        }

        var treatments = new List<TreatmentDto>();
        foreach (var summary in await queries.TreatmentsForArtifactAsync(artifact.AccessionNumber, cancellationToken))
        {
            var t = (await queries.TreatmentAsync(summary.Reference, cancellationToken))!;
            treatments.Add(new TreatmentDto(t.Reference, t.Title, t.Status, t.Proposal, t.ProposedBy, t.ProposedOn, t.ApprovedBy, t.ApprovedOn,
                t.StartedOn, t.CompletedOn, t.SignedOffBy, t.SignedOffOn, t.Conservators, t.ConditionBefore, t.ConditionAfter, t.Outcome,
                t.Steps.Select(s => new StepDto(s.Order, s.StepType?.Code, s.Description, s.PerformedBy, s.PerformedOn, s.MinutesSpent, s.Notes,
                    s.Materials.Select(m => new MaterialDto(m.Product, m.Concentration, m.Solvent, m.Batch)).ToList())).ToList(),
                t.Amendments.Select(AmendmentDto.Of).ToList(),
                t.Reviews.Select(r => new ReviewDto(r.Decision, r.ReviewedBy, r.On, r.Comment)).ToList()));
        }

        return TypedResults.Ok(new ConservationDto(artifact.AccessionNumber, reports, treatments));
    }
}

public sealed record ObservationDto(string? Damage, string? Location, DamageSeverity Severity, string? Notes);

public sealed record ConditionReportDto(
    string Reference, DateOnly ExaminedOn, string Examiner, ConditionCheckPurpose Purpose, OverallCondition Overall, ConservationPriority Priority,
    IReadOnlyList<ObservationDto> Observations, string? Hazards, string? Recommendation, DateOnly? NextCheckDue, string? Notes, string RecordedBy, DateTime RecordedAt,
    IReadOnlyList<AmendmentDto> Amendments);

public sealed record MaterialDto(string Product, string? Concentration, string? Solvent, string? Batch);

public sealed record StepDto(int Order, string? Type, string? Description, string? PerformedBy, DateOnly? PerformedOn, int? MinutesSpent, string? Notes, IReadOnlyList<MaterialDto> Materials);

public sealed record AmendmentDto(DateTime At, string Author, string Reason, string? Section, string Text)
{
    public static AmendmentDto Of(Amendment a) => new(a.At, a.Author, a.Reason, a.Section, a.Text);
}

public sealed record ReviewDto(TreatmentReviewDecision Decision, string ReviewedBy, DateOnly On, string? Comment);

public sealed record TreatmentDto(
    string Reference, string Title, TreatmentStatus Status, string? Proposal, string ProposedBy, DateOnly ProposedOn, string? ApprovedBy, DateOnly? ApprovedOn,
    DateOnly? StartedOn, DateOnly? CompletedOn, string? SignedOffBy, DateOnly? SignedOffOn, string? Conservators, string? ConditionBefore,
    string? ConditionAfter, string? Outcome, IReadOnlyList<StepDto> Steps, IReadOnlyList<AmendmentDto> Amendments, IReadOnlyList<ReviewDto> Reviews);

public sealed record ConservationDto(string AccessionNumber, IReadOnlyList<ConditionReportDto> ConditionReports, IReadOnlyList<TreatmentDto> Treatments);
