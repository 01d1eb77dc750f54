using System.Text.RegularExpressions;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;

namespace Catalogue.Core.Exhibitions;

public enum LoanDirection
{
    Out,
    In,
}

/// <summary>requested → agreed → dispatched → on display → returned.</summary>
public enum LoanStatus
{
    Requested,
    Agreed,
    Dispatched,
    OnDisplay,
    Returned,
}

/// <summary>The moments a loaned object's condition must be checked.</summary>
public enum LoanStage
{
    BeforeDeparture,
    OnArrival,
    BeforeReturn,
    OnReturn,
}

/// <summary>What the loan agreement states.</summary>
public sealed record LoanDetails
{
    public LoanDirection Direction { get; init; }
    public required string Institution { get; init; }
    public string? Contact { get; init; }
    public DateOnly? AgreementFrom { get; init; }
    public DateOnly? AgreementTo { get; init; }
    public string? Courier { get; init; }
    public int? ExhibitionId { get; init; }
    public string? Notes { get; init; }
}

/// <summary>A loan out to (or in from) another institution, with insurance values and condition checks at each stage.</summary>
public sealed partial class Loan : ITrackedEntity, IAudited
{
    public const string AuditType = "Loan";

    private readonly List<LoanObject> _objects = [];

    private Loan()
    {
        Reference = string.Empty;
        Institution = string.Empty;
    }

    public Loan(string reference, LoanDetails details) : this()
    {
        if (!ReferencePattern().IsMatch(reference))
            throw new DomainRuleException(nameof(Reference), "A loan reference looks like LN-2026-0001.");
        Reference = reference;
        Status = LoanStatus.Requested;
        Revise(details);
    }

    public int Id { get; private set; }
    public string Reference { get; private set; }
    public LoanDirection Direction { get; private set; }

    /// <summary>The borrower (loan out) or the lender (loan in).</summary>
    public string Institution { get; private set; }

    public string? Contact { get; private set; }
    public DateOnly? AgreementFrom { get; private set; }
    public DateOnly? AgreementTo { get; private set; }
    public string? Courier { get; private set; }
    public int? ExhibitionId { get; private set; }
    public Exhibition? Exhibition { get; private set; }
    public string? Notes { get; private set; }
    public LoanStatus Status { get; private set; }
    public DateOnly? DispatchedOn { get; private set; }
    public DateOnly? ReturnedOn { get; private set; }
    public IReadOnlyList<LoanObject> Objects => _objects;

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public int Version { get; set; }

    string IAudited.AuditType => AuditType;
    string IAudited.AuditKey => Reference;

    /// <summary>While dispatched or on display the objects are away: their location is this loan.</summary>
    public bool IsAway => Status is LoanStatus.Dispatched or LoanStatus.OnDisplay;

    public static ConditionCheckPurpose PurposeOf(LoanStage stage) => stage switch
    {
        LoanStage.BeforeDeparture => ConditionCheckPurpose.LoanDeparture,
        LoanStage.OnArrival => ConditionCheckPurpose.LoanArrival,
        LoanStage.BeforeReturn => ConditionCheckPurpose.LoanBeforeReturn,
        _ => ConditionCheckPurpose.LoanReturn,
    };

    /// <summary>The stages whose condition checks are due by the loan's current status.</summary>
    public IReadOnlyList<LoanStage> StagesDue() => Status switch
    {
        LoanStatus.Requested or LoanStatus.Agreed => [],
        LoanStatus.Dispatched => [LoanStage.BeforeDeparture],
        LoanStatus.OnDisplay => [LoanStage.BeforeDeparture, LoanStage.OnArrival],
        _ => [LoanStage.BeforeDeparture, LoanStage.OnArrival, LoanStage.BeforeReturn, LoanStage.OnReturn],
    };

    public void Revise(LoanDetails details)
    {
        if (Status == LoanStatus.Returned)
            throw new DomainRuleException(nameof(Status), $"{Reference} is returned; its record is closed.");
        if (string.IsNullOrWhiteSpace(details.Institution))
            throw new DomainRuleException(nameof(Institution), "A loan names the borrowing or lending institution.");
        Text.Check(nameof(Institution), details.Institution, 200);
        Text.Check(nameof(Contact), details.Contact, 500);
        Text.Check(nameof(Courier), details.Courier, 200);
        Text.Check(nameof(Notes), details.Notes, 2000);
        if (details.AgreementFrom is { } from && details.AgreementTo is { } to && to < from)
            throw new DomainRuleException(nameof(AgreementTo), "The agreement cannot end before it starts.");
        if (!Enum.IsDefined(details.Direction))
            throw new DomainRuleException(nameof(Direction), "Direction must be out or in.");
        Direction = details.Direction;
        Institution = Text.Clean(details.Institution)!;
        Contact = Text.Clean(details.Contact);
        AgreementFrom = details.AgreementFrom;
        AgreementTo = details.AgreementTo;
        Courier = Text.Clean(details.Courier);
        ExhibitionId = details.ExhibitionId;
        Notes = Text.Clean(details.Notes);
    }

    /// <summary>Adds an object (or changes its insurance value) while the loan is not yet dispatched.</summary>
    public void Include(Artifact artifact, decimal? insuranceValue, string? currency)
    {
        if (Status is not (LoanStatus.Requested or LoanStatus.Agreed))
            throw new DomainRuleException(nameof(Objects), $"{Reference} has left; its list of objects is fixed.");
        if (insuranceValue is < 0)
            throw new DomainRuleException("InsuranceValue", "An insurance value cannot be negative.");
        currency = string.IsNullOrWhiteSpace(currency) ? null : currency.Trim().ToUpperInvariant();
        if (currency is not null && !CurrencyPattern().IsMatch(currency))
            throw new DomainRuleException("Currency", "Currency is a three-letter code such as EUR, USD or VND.");
        if (insuranceValue is not null && currency is null)
            throw new DomainRuleException("Currency", "An insurance value needs its currency.");
        var existing = _objects.SingleOrDefault(o => (o.ArtifactId == artifact.Id && artifact.Id != 0) || ReferenceEquals(o.Artifact, artifact));
        if (existing is not null)
            existing.Insure(insuranceValue, currency);
        else
            _objects.Add(new LoanObject(this, artifact, insuranceValue, currency));
    }

    public void Exclude(int artifactId)
    {
        if (Status is not (LoanStatus.Requested or LoanStatus.Agreed))
            throw new DomainRuleException(nameof(Objects), $"{Reference} has left; its list of objects is fixed.");
        _objects.Remove(_objects.SingleOrDefault(o => o.ArtifactId == artifactId) ?? throw new DomainRuleException(nameof(Objects), "That object is not on this loan."));
    }

    public void Agree()
    {
        Require(LoanStatus.Requested, "agreed");
        Status = LoanStatus.Agreed;
    }

    public void Dispatch(DateOnly on)
    {
        Require(LoanStatus.Agreed, "dispatched");
        if (_objects.Count == 0)
            throw new DomainRuleException(nameof(Objects), "Add the objects before dispatching the loan.");
        DispatchedOn = on;
        Status = LoanStatus.Dispatched;
    }

    public void ArriveOnDisplay()
    {
        Require(LoanStatus.Dispatched, "put on display");
        Status = LoanStatus.OnDisplay;
    }

    public void Return(DateOnly on)
    {
        if (Status is not (LoanStatus.Dispatched or LoanStatus.OnDisplay))
            throw new DomainRuleException(nameof(Status), $"{Reference} is {Describe(Status)}; only a loan that has left can be returned.");
        if (on < DispatchedOn)
            throw new DomainRuleException(nameof(ReturnedOn), "A loan cannot come back before it left.");
        ReturnedOn = on;
        Status = LoanStatus.Returned;
    }

    public static string Describe(LoanStatus status) => status switch
    {
        LoanStatus.OnDisplay => "on display",
        _ => status.ToString().ToLowerInvariant(),
    };

    private void Require(LoanStatus status, string action)
    {
        if (Status != status)
            throw new DomainRuleException(nameof(Status), $"{Reference} is {Describe(Status)}; only a loan that is {Describe(status)} can be {action}.");
    }

    [GeneratedRegex(@"^LN-\d{4}-\d{4}\z")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^[A-Z]{3}\z")]
    private static partial Regex CurrencyPattern();
}

/// <summary>An object on a loan with its insurance value (never shown to the public).</summary>
public sealed class LoanObject : IAuditedCollectionItem
{
    private LoanObject()
    {
    }

    internal LoanObject(Loan loan, Artifact artifact, decimal? insuranceValue, string? currency)
    {
        Loan = loan;
        Artifact = artifact;
        InsuranceValue = insuranceValue;
        Currency = currency;
    }

    public int Id { get; private set; }
    public int LoanId { get; private set; }
    public Loan? Loan { get; private set; }
    public int ArtifactId { get; private set; }
    public Artifact? Artifact { get; private set; }
    public decimal? InsuranceValue { get; private set; }
    public string? Currency { get; private set; }

    internal void Insure(decimal? value, string? currency) => (InsuranceValue, Currency) = (value, currency);

    IAudited? IAuditedCollectionItem.OwnerIn(Microsoft.EntityFrameworkCore.DbContext context) => Loan ?? context.Set<Loan>().Find(LoanId);
    string IAuditedCollectionItem.CollectionName => "Objects";
    string IAuditedCollectionItem.DescribeFor(Microsoft.EntityFrameworkCore.DbContext context) =>
        $"{(Artifact ?? context.Set<Artifact>().Find(ArtifactId))?.AccessionNumber}{(InsuranceValue is { } v ? $" insured {v:0.##} {Currency}" : string.Empty)}";
}
