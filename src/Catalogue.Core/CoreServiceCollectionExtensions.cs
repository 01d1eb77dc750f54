using Catalogue.Core.Artifacts;
using Catalogue.Core.Audit;
using Catalogue.Core.Common;
using Catalogue.Core.Conservation;
using Catalogue.Core.Data;
using Catalogue.Core.Excavation;
using Catalogue.Core.Media;
using Catalogue.Core.Samples;
using Catalogue.Core.Search;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Catalogue.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the catalogue core: options, the database, commands, queries and validators.</summary>
    public static IServiceCollection AddCatalogueCore(this IServiceCollection services)
    {
        // The rules' messages are written in English. FluentValidation's own would follow the page's language and put
        // two languages in one sentence ("'Title' ne doit pas être vide"), so they are English too.
        ValidatorOptions.Global.LanguageManager.Culture = System.Globalization.CultureInfo.GetCultureInfo("en");
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogueOptions>, CatalogueOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InstitutionCalendar>();
        services.TryAddScoped<ICurrentUser>(_ => new FixedCurrentUser("system"));
        services.AddScoped<AuditInterceptor>();
        services.TryAddSingleton<SearchIndexSignal>();
        services.TryAddSingleton<SearchOutboxInterceptor>();
        services.AddDbContext<CatalogueDbContext>((sp, options) =>
        {
            var settings = sp.GetRequiredService<IOptions<CatalogueOptions>>().Value;
            // The outbox rows are written before the audit interceptor commits the save's transaction: keep this order.
            options.UseSqlite(ConnectionString(settings.DatabasePath))
                .AddInterceptors(sp.GetRequiredService<SearchOutboxInterceptor>(), sp.GetRequiredService<AuditInterceptor>());
        });

        // Cookie and reset-token keys live in the data directory, so sign-ins survive restarts and the CLI shares them.
        services.AddDataProtection().SetApplicationName("Catalogue");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<CatalogueOptions>, ILoggerFactory>((keys, catalogue, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(catalogue.Value.DataDirectory, "keys")), logging));

        services.AddValidatorsFromAssemblyContaining<CatalogueDbContext>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<ArtifactCommands>();
        services.AddScoped<ArtifactQueries>();
        services.AddScoped<VocabularyCommands>();
        services.AddScoped<VocabularyQueries>();
        services.AddScoped<HistoryQueries>();
        services.AddScoped<AuditChain>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<SiteCommands>();
        services.AddScoped<ContextCommands>();
        services.AddScoped<FindCommands>();
        services.AddScoped<ExcavationQueries>();
        services.AddScoped<SiteStratigraphy>();
        services.AddScoped<AccessionProposal>();
        services.AddScoped<ProvenanceQueries>();
        services.AddScoped<ConservationCommands>();
        services.AddScoped<ConservationQueries>();
        services.AddScoped<JourneyQueries>();
        services.AddScoped<Locations.LocationCommands>();
        services.AddScoped<Locations.LocationQueries>();
        services.AddScoped<Exhibitions.ExhibitionCommands>();
        services.AddScoped<Exhibitions.ExhibitionQueries>();
        services.AddScoped<UserAdministration>();
        services.AddCatalogueMedia();
        services.AddScoped<SampleDataLoader>();
        services.AddScoped<DatabaseInitializer>();

        // Search: one index (one writer) per process, the outbox applied in the background.
        services.TryAddSingleton<SearchIndex>();
        services.TryAddSingleton<SearchIndexer>();
        services.TryAddSingleton<CatalogueSearch>();
        services.AddScoped<SearchRecords>();
        services.AddHostedService<SearchIndexHostedService>();
        return services;
    }

    /// <summary>The image pipeline: libvips behind <see cref="IImageProcessor"/>, the media store, the derivative queue and its worker.</summary>
    public static IServiceCollection AddCatalogueMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName);
        services.TryAddSingleton<IImageProcessor, VipsImageProcessor>();
        services.TryAddSingleton<MediaStore>();
        services.TryAddSingleton<EncodeGate>();
        services.TryAddSingleton<DerivativeBacklog>();
        services.TryAddSingleton<IDerivativeBacklog>(sp => sp.GetRequiredService<DerivativeBacklog>());
        services.AddHostedService<DerivativeWorker>();
        services.AddScoped<DerivativeMaker>();
        services.AddScoped<MediaCommands>();
        services.AddScoped<MediaQueries>();
        services.AddScoped<FolderAttachment>();
        return services;
    }

    /// <summary>The SQLite connection: foreign keys enforced, waiting on a busy writer rather than failing.</summary>
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        ForeignKeys = true,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
