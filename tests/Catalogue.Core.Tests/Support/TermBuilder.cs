using Catalogue.Core.Vocabularies;

namespace Catalogue.Core.Tests.Support;

/// <summary>Builds a <see cref="SaveTermCommand"/>: a new term by default, an edit after <see cref="Editing"/>.</summary>
public sealed class TermBuilder(Vocabulary vocabulary, string? code)
{
    private readonly SaveTermCommand _command = new() { Vocabulary = vocabulary, Code = code, LabelEn = code };

    public static TermBuilder ObjectType(string code) => new(Vocabulary.ObjectType, code);

    public static TermBuilder Material(string code) => new(Vocabulary.Material, code);

    public static TermBuilder Technique(string code) => new(Vocabulary.Technique, code);

    public static TermBuilder Period(string code, int? startYear, int? endYear) => new TermBuilder(Vocabulary.Period, code).WithYears(startYear, endYear);

    /// <summary>An edit of a stored term, claiming the editor saw <paramref name="version"/>.</summary>
    public static TermBuilder Editing(VocabularyTerm term, int? version = null) =>
        new TermBuilder(term.Vocabulary, term.Code)
            .WithLabels(term.Label.Vi, term.Label.Fr, term.Label.En)
            .WithAat(term.AatId)
            .WithYears(term.StartYear, term.EndYear)
            .WithId(term.Id, version ?? term.Version);

    public TermBuilder WithLabels(string? vi, string? fr, string? en)
    {
        (_command.LabelVi, _command.LabelFr, _command.LabelEn) = (vi, fr, en);
        return this;
    }

    public TermBuilder WithLabelEn(string? en)
    {
        _command.LabelEn = en;
        return this;
    }

    public TermBuilder WithAat(string? aatId)
    {
        _command.AatId = aatId;
        return this;
    }

    public TermBuilder WithYears(int? startYear, int? endYear)
    {
        (_command.StartYear, _command.EndYear) = (startYear, endYear);
        return this;
    }

    public TermBuilder WithId(int id, int version)
    {
        (_command.Id, _command.Version) = (id, version);
        return this;
    }

    public SaveTermCommand Build() => new()
    {
        Id = _command.Id,
        Vocabulary = _command.Vocabulary,
        Code = _command.Code,
        LabelVi = _command.LabelVi,
        LabelFr = _command.LabelFr,
        LabelEn = _command.LabelEn,
        AatId = _command.AatId,
        StartYear = _command.StartYear,
        EndYear = _command.EndYear,
        SortOrder = _command.SortOrder,
        Version = _command.Version,
    };
}
