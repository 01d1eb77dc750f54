using Catalogue.Core.Common;

namespace Catalogue.Core.Artifacts;

/// <summary>The editable fields of an artifact as a form or a script sends them.</summary>
public class ArtifactInput
{
    public int? ObjectTypeId { get; set; }
    public List<int> MaterialIds { get; set; } = [];
    public List<int> TechniqueIds { get; set; } = [];
    public int? PeriodId { get; set; }

    public string? TitleVi { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionVi { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionEn { get; set; }
    public string? InscriptionText { get; set; }
    public string? InscriptionVi { get; set; }
    public string? InscriptionFr { get; set; }
    public string? InscriptionEn { get; set; }

    public decimal? Length { get; set; }
    public decimal? Width { get; set; }
    public decimal? Height { get; set; }
    public decimal? Diameter { get; set; }
    public decimal? Thickness { get; set; }
    public string? DimensionUnit { get; set; } = "cm";
    public decimal? WeightValue { get; set; }
    public string? WeightUnit { get; set; } = "g";

    public int? EarliestYear { get; set; }
    public int? LatestYear { get; set; }
    public string? DateText { get; set; }

    public string? Provenance { get; set; }
    public string? CreditLine { get; set; }
    public string? Rights { get; set; }
    public DateOnly? AccessionDate { get; set; }

    public ArtifactDetails ToDetails() => new()
    {
        ObjectTypeId = ObjectTypeId ?? 0,
        MaterialIds = MaterialIds,
        TechniqueIds = TechniqueIds,
        PeriodId = PeriodId,
        Title = LocalizedText.Of(TitleVi, TitleFr, TitleEn),
        Description = LocalizedText.Of(DescriptionVi, DescriptionFr, DescriptionEn),
        InscriptionText = InscriptionText,
        InscriptionTranslation = LocalizedText.Of(InscriptionVi, InscriptionFr, InscriptionEn),
        Dimensions = new Dimensions { Length = Length, Width = Width, Height = Height, Diameter = Diameter, Thickness = Thickness, Unit = DimensionUnit },
        Weight = new Weight { Value = WeightValue, Unit = WeightUnit },
        Dating = new Dating { EarliestYear = EarliestYear, LatestYear = LatestYear, Text = DateText },
        Provenance = Provenance,
        CreditLine = CreditLine,
        Rights = Rights,
        AccessionDate = AccessionDate,
    };

    /// <summary>Fills the input from a stored artifact (for the edit form).</summary>
    public void CopyFrom(Artifact artifact)
    {
        ObjectTypeId = artifact.ObjectTypeId;
        MaterialIds = artifact.MaterialIds.ToList();
        TechniqueIds = artifact.TechniqueIds.ToList();
        PeriodId = artifact.PeriodId;
        (TitleVi, TitleFr, TitleEn) = (artifact.Title.Vi, artifact.Title.Fr, artifact.Title.En);
        (DescriptionVi, DescriptionFr, DescriptionEn) = (artifact.Description.Vi, artifact.Description.Fr, artifact.Description.En);
        InscriptionText = artifact.InscriptionText;
        (InscriptionVi, InscriptionFr, InscriptionEn) = (artifact.InscriptionTranslation.Vi, artifact.InscriptionTranslation.Fr, artifact.InscriptionTranslation.En);
        (Length, Width, Height, Diameter, Thickness) = (artifact.Dimensions.Length, artifact.Dimensions.Width, artifact.Dimensions.Height, artifact.Dimensions.Diameter, artifact.Dimensions.Thickness);
        DimensionUnit = artifact.Dimensions.Unit ?? "cm";
        WeightValue = artifact.Weight.Value;
        WeightUnit = artifact.Weight.Unit ?? "g";
        (EarliestYear, LatestYear, DateText) = (artifact.Dating.EarliestYear, artifact.Dating.LatestYear, artifact.Dating.Text);
        Provenance = artifact.Provenance;
        CreditLine = artifact.CreditLine;
        Rights = artifact.Rights;
        AccessionDate = artifact.AccessionDate;
    }
}

/// <summary>Accession a new artifact into the catalogue.</summary>
public sealed class CreateArtifactCommand : ArtifactInput
{
    public string? AccessionNumber { get; set; }
    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;

    /// <summary>When set, the artifact is accessioned from this registered find and linked to it.</summary>
    public string? FindNumber { get; set; }
}

/// <summary>Change an artifact's record; <see cref="Version"/> is the version the editor started from.</summary>
public sealed class UpdateArtifactCommand : ArtifactInput
{
    public string AccessionNumber { get; set; } = string.Empty;
    public int Version { get; set; }
}

/// <summary>Draft, internal or published.</summary>
public sealed class ChangePublicationStatusCommand
{
    public string AccessionNumber { get; set; } = string.Empty;
    public PublicationStatus Status { get; set; }
    public int Version { get; set; }
}
