using Catalogue.Core.Artifacts;

namespace Catalogue.Core.Tests.Support;

/// <summary>
/// Builds artifact input: a valid record by default, changed one field at a time.
/// The same steps build a create command, an update command or the entity's details.
/// </summary>
public sealed class ArtifactBuilder
{
    public const string DefaultAccessionNumber = "TL.2023.0001";

    private readonly List<Action<ArtifactInput>> _steps = [];
    private string? _accessionNumber = DefaultAccessionNumber;
    private PublicationStatus _status = PublicationStatus.Draft;
    private string? _findNumber;

    public ArtifactBuilder() => _steps.Add(i => i.TitleEn = "Bowl");

    /// <summary>Starts from a stored artifact, as the edit form does.</summary>
    public static ArtifactBuilder From(Artifact stored)
    {
        var builder = new ArtifactBuilder { _accessionNumber = stored.AccessionNumber, _status = stored.Status };
        builder._steps.Clear();
        builder._steps.Add(i => i.CopyFrom(stored));
        return builder;
    }

    public ArtifactBuilder WithAccessionNumber(string? accessionNumber) => Set(() => _accessionNumber = accessionNumber);

    /// <summary>Accessions the artifact from a registered find (creation only).</summary>
    public ArtifactBuilder FromFind(string? findNumber) => Set(() => _findNumber = findNumber);

    public ArtifactBuilder WithStatus(PublicationStatus status) => Set(() => _status = status);

    public ArtifactBuilder WithObjectType(int? id) => Step(i => i.ObjectTypeId = id);

    public ArtifactBuilder WithMaterials(params int[] ids) => Step(i => i.MaterialIds = [.. ids]);

    public ArtifactBuilder WithTechniques(params int[] ids) => Step(i => i.TechniqueIds = [.. ids]);

    public ArtifactBuilder WithPeriod(int? id) => Step(i => i.PeriodId = id);

    public ArtifactBuilder WithTitleEn(string? title) => Step(i => i.TitleEn = title);

    public ArtifactBuilder WithTitleVi(string? title) => Step(i => i.TitleVi = title);

    public ArtifactBuilder WithTitleFr(string? title) => Step(i => i.TitleFr = title);

    public ArtifactBuilder WithoutTitle() => Step(i => (i.TitleVi, i.TitleFr, i.TitleEn) = (null, null, null));

    public ArtifactBuilder WithDescriptionVi(string? description) => Step(i => i.DescriptionVi = description);

    public ArtifactBuilder WithDescriptionEn(string? description) => Step(i => i.DescriptionEn = description);

    public ArtifactBuilder WithDescriptionFr(string? description) => Step(i => i.DescriptionFr = description);

    public ArtifactBuilder WithInscription(string? original, string? readingEn = null) =>
        Step(i => (i.InscriptionText, i.InscriptionEn) = (original, readingEn));

    public ArtifactBuilder WithYears(int? earliest, int? latest) => Step(i => (i.EarliestYear, i.LatestYear) = (earliest, latest));

    public ArtifactBuilder WithDateText(string? text) => Step(i => i.DateText = text);

    public ArtifactBuilder AccessionedOn(DateOnly? day) => Step(i => i.AccessionDate = day);

    public ArtifactBuilder WithDimensions(decimal? length = null, decimal? width = null, decimal? height = null, decimal? diameter = null, string? unit = "cm") =>
        Step(i => (i.Length, i.Width, i.Height, i.Diameter, i.DimensionUnit) = (length, width, height, diameter, unit));

    public ArtifactBuilder WithWeight(decimal? value, string? unit = "g") => Step(i => (i.WeightValue, i.WeightUnit) = (value, unit));

    public ArtifactBuilder WithProvenance(string? provenance) => Step(i => i.Provenance = provenance);

    public CreateArtifactCommand Build()
    {
        var command = new CreateArtifactCommand { AccessionNumber = _accessionNumber, Status = _status, FindNumber = _findNumber };
        Apply(command);
        return command;
    }

    /// <summary>An update of the artifact, claiming the editor started from <paramref name="version"/>.</summary>
    public UpdateArtifactCommand BuildUpdate(int version)
    {
        var command = new UpdateArtifactCommand { AccessionNumber = _accessionNumber ?? string.Empty, Version = version };
        Apply(command);
        return command;
    }

    /// <summary>The entity's view of the input, for testing <see cref="Artifact"/>'s own rules.</summary>
    public ArtifactDetails BuildDetails() => Build().ToDetails();

    private void Apply(ArtifactInput input)
    {
        foreach (var step in _steps)
            step(input);
    }

    private ArtifactBuilder Step(Action<ArtifactInput> step)
    {
        _steps.Add(step);
        return this;
    }

    private ArtifactBuilder Set(Action set)
    {
        set();
        return this;
    }
}
