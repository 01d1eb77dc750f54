namespace Catalogue.Core;

/// <summary>Settings bound from the <c>Catalogue</c> configuration section.</summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogue";

    /// <summary>The one folder that holds the database, the search index and the media store.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Load the sample dataset on start when the catalogue is empty.</summary>
    public bool LoadSampleData { get; set; } = true;

    /// <summary>Where the sample dataset lives; defaults to <c>samples/</c> beside the application.</summary>
    public string? SamplesDirectory { get; set; }

    public string DatabasePath => Path.Combine(DataDirectory, "catalogue.db");

    public string ResolvedSamplesDirectory => SamplesDirectory ?? Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>The per-user application data folder, shared by the web app and the command line.</summary>
    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Catalogue");
}
