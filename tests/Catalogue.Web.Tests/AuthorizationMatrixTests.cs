using System.Net;
using Catalogue.Core.Artifacts;
using Catalogue.Core.Conservation;
using Catalogue.Core.Excavation;
using Catalogue.Core.Exhibitions;
using Catalogue.Core.Locations;
using Catalogue.Core.Users;
using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Catalogue.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalogue.Web.Tests;

/// <summary>
/// Who may open what. Every endpoint the app maps must appear in <see cref="Table"/> with the people allowed to GET it,
/// so a new page or API route cannot ship without someone deciding (and this test checking) who sees it.
/// </summary>
public sealed class AuthorizationMatrixTests() : CatalogueApp()
{
    public enum Access
    {
        /// <summary>Everyone, signed in or not.</summary>
        Anonymous,

        /// <summary>Anyone signed in (every account has a staff role).</summary>
        SignedIn,

        /// <summary>Any staff role.</summary>
        Staff,

        /// <summary>Curators and admins.</summary>
        Editors,

        /// <summary>Archaeologists and admins.</summary>
        Excavators,

        /// <summary>Conservators and admins.</summary>
        Conservators,

        /// <summary>Curators, senior conservators and admins (the fixture has no senior conservator).</summary>
        Approvers,

        /// <summary>Admins only.</summary>
        Admin,
    }

    /// <summary>Values for route parameters, taken from the running app: a real sample accession number, a real user and term.</summary>
    public sealed record RouteSamples(
        string PublishedAccessionNumber, string UserId, int TermId, string SiteCode, int ContextNumber, string FindNumber,
        string ReportReference, string TreatmentReference, string LocationCode, string ExhibitionCode, string LoanReference, string ImageId, int StepId);

    /// <summary>A route pattern, who may GET it, the status they get, and the URL to try.</summary>
    public sealed record Rule(string Pattern, Access Access, int AllowedStatus = 200, Func<RouteSamples, string>? Url = null)
    {
        public string SampleUrl(RouteSamples samples) => Url?.Invoke(samples) ?? (Pattern.StartsWith('/') ? Pattern : "/" + Pattern);

        public override string ToString() => Pattern.Length == 0 ? "(start page)" : Pattern;
    }

    public static readonly Rule[] Table =
    [
        new("", Access.Anonymous),
        new("Index", Access.Anonymous),
        new("Collection", Access.Anonymous),
        new("Collection/Index", Access.Anonymous),
        new("Collection/Details/{accessionNumber}", Access.Anonymous, Url: s => $"/Collection/Details/{s.PublishedAccessionNumber}"),
        new("Account/Login", Access.Anonymous),
        new("Language", Access.Anonymous),
        // The page says "not allowed", so it answers with that status to everyone.
        new("Account/AccessDenied", Access.Anonymous, AllowedStatus: 403),
        new("Account/Logout", Access.SignedIn),
        new("Account/Tokens", Access.Staff),
        new("Account/Password", Access.Staff),
        // Open to anyone only while no administrator exists; this fixture has one.
        new("Setup", Access.Anonymous, AllowedStatus: 404),
        new("Error", Access.Anonymous),
        new("StatusCode/{code:int}", Access.Anonymous, AllowedStatus: 404, Url: _ => "/StatusCode/404"),
        new("Artifacts", Access.Staff),
        new("Artifacts/Index", Access.Staff),
        new("Artifacts/Details/{accessionNumber}", Access.Staff, Url: s => $"/Artifacts/Details/{s.PublishedAccessionNumber}"),
        new("Artifacts/Create", Access.Editors),
        new("Artifacts/Edit/{accessionNumber}", Access.Editors, Url: s => $"/Artifacts/Edit/{s.PublishedAccessionNumber}"),
        new("Admin/Users", Access.Admin),
        new("Admin/Users/Index", Access.Admin),
        new("Admin/Users/Create", Access.Admin),
        new("Admin/Users/Edit/{id}", Access.Admin, Url: s => $"/Admin/Users/Edit/{s.UserId}"),
        new("Admin/Vocabularies", Access.Admin),
        new("Admin/Vocabularies/Index", Access.Admin),
        new("Admin/Vocabularies/Edit/{id:int?}", Access.Admin, Url: s => $"/Admin/Vocabularies/Edit/{s.TermId}"),
        new("Excavation/Sites", Access.Staff),
        new("Excavation/Sites/Index", Access.Staff),
        new("Excavation/Sites/Details/{code}", Access.Staff, Url: s => $"/Excavation/Sites/Details/{s.SiteCode}"),
        new("Excavation/Sites/Edit/{code?}", Access.Excavators, Url: s => $"/Excavation/Sites/Edit/{s.SiteCode}"),
        new("Excavation/Sites/Areas/{code}", Access.Excavators, Url: s => $"/Excavation/Sites/Areas/{s.SiteCode}"),
        new("Excavation/Contexts/Details/{site}/{number:int}", Access.Staff, Url: s => $"/Excavation/Contexts/Details/{s.SiteCode}/{s.ContextNumber}"),
        new("Excavation/Contexts/Edit/{site}/{number:int?}", Access.Excavators, Url: s => $"/Excavation/Contexts/Edit/{s.SiteCode}/{s.ContextNumber}"),
        new("Excavation/Contexts/Relations/{site}/{number:int}", Access.Excavators, Url: s => $"/Excavation/Contexts/Relations/{s.SiteCode}/{s.ContextNumber}"),
        new("Excavation/Matrix/{site}", Access.Staff, Url: s => $"/Excavation/Matrix/{s.SiteCode}"),
        new("Excavation/Finds", Access.Staff, Url: s => $"/Excavation/Finds?site={s.SiteCode}"),
        new("Excavation/Finds/Index", Access.Staff, Url: s => $"/Excavation/Finds/Index?site={s.SiteCode}"),
        new("Excavation/Finds/Details/{number}", Access.Staff, Url: s => $"/Excavation/Finds/Details/{s.FindNumber}"),
        new("Excavation/Finds/Edit/{number}", Access.Excavators, Url: s => $"/Excavation/Finds/Edit/{s.FindNumber}"),
        new("Excavation/Finds/Register", Access.Excavators, Url: s => $"/Excavation/Finds/Register?site={s.SiteCode}"),
        new("Excavation/Finds/Export/{site}", Access.Staff, Url: s => $"/Excavation/Finds/Export/{s.SiteCode}"),
        new("/api/sites/", Access.Staff, Url: _ => "/api/sites"),
        new("/api/sites/{code}", Access.Staff, Url: s => $"/api/sites/{s.SiteCode}"),
        new("/api/sites/{code}/contexts", Access.Staff, Url: s => $"/api/sites/{s.SiteCode}/contexts"),
        new("/api/sites/{code}/matrix", Access.Staff, Url: s => $"/api/sites/{s.SiteCode}/matrix"),
        new("/api/sites/{code}/matrix.svg", Access.Staff, Url: s => $"/api/sites/{s.SiteCode}/matrix.svg"),
        new("Conservation", Access.Staff),
        new("Conservation/Index", Access.Staff),
        new("Conservation/Reports/Create", Access.Conservators, Url: s => $"/Conservation/Reports/Create?artifact={s.PublishedAccessionNumber}"),
        new("Conservation/Reports/Edit/{reference}", Access.Conservators, Url: s => $"/Conservation/Reports/Edit/{s.ReportReference}"),
        // The sample reports are still open for correction on the day they are loaded: their amendment page sends to the edit.
        new("Conservation/Reports/Amend/{reference}", Access.Conservators, AllowedStatus: 302, Url: s => $"/Conservation/Reports/Amend/{s.ReportReference}"),
        new("Conservation/Reports/Details/{reference}", Access.Staff, Url: s => $"/Conservation/Reports/Details/{s.ReportReference}"),
        new("Conservation/Treatments/Propose", Access.Conservators, Url: s => $"/Conservation/Treatments/Propose?artifact={s.PublishedAccessionNumber}"),
        new("Conservation/Treatments/Edit/{reference}", Access.Conservators, Url: s => $"/Conservation/Treatments/Edit/{s.TreatmentReference}"),
        new("Conservation/Treatments/Details/{reference}", Access.Staff, Url: s => $"/Conservation/Treatments/Details/{s.TreatmentReference}"),
        new("Conservation/Treatments/Approve/{reference}", Access.Approvers, Url: s => $"/Conservation/Treatments/Approve/{s.TreatmentReference}"),
        new("Conservation/Treatments/SignOff/{reference}", Access.Approvers, Url: s => $"/Conservation/Treatments/SignOff/{s.TreatmentReference}"),
        new("Conservation/Treatments/Progress/{reference}", Access.Conservators, Url: s => $"/Conservation/Treatments/Progress/{s.TreatmentReference}"),
        new("Conservation/Treatments/Steps/{reference}/{stepId:int?}", Access.Conservators, Url: s => $"/Conservation/Treatments/Steps/{s.TreatmentReference}"),
        new("Conservation/Treatments/Amend/{reference}", Access.Conservators, Url: s => $"/Conservation/Treatments/Amend/{s.TreatmentReference}"),
        new("/api/artifacts/{accessionNumber}/conservation", Access.Staff, Url: s => $"/api/artifacts/{s.PublishedAccessionNumber}/conservation"),
        new("/api/audit/verify", Access.Staff),
        new("/api/artifacts", Access.Anonymous),
        new("/api/search", Access.Anonymous, Url: _ => "/api/search?q=bowl"),
        new("Search", Access.Staff, Url: _ => "/Search?q=bowl"),
        new("Search/Index", Access.Staff, Url: _ => "/Search/Index?q=bowl&material=stoneware&sort=Date"),
        new("/api/artifacts/{accessionNumber}", Access.Anonymous, Url: s => $"/api/artifacts/{s.PublishedAccessionNumber}"),
        new("/health", Access.Anonymous),
        new("Locations", Access.Staff),
        new("Locations/Index", Access.Staff),
        new("Locations/Details/{code}", Access.Staff, Url: s => $"/Locations/Details/{s.LocationCode}"),
        new("Locations/Edit/{code?}", Access.Editors, Url: s => $"/Locations/Edit/{s.LocationCode}"),
        new("Locations/Find", Access.Staff, AllowedStatus: 302, Url: s => $"/Locations/Find?accessionNumber={s.PublishedAccessionNumber}"),
        new("Locations/Move", Access.Editors, Url: s => $"/Locations/Move?from={s.LocationCode}"),
        new("Locations/Inventory/{code}", Access.Editors, Url: s => $"/Locations/Inventory/{s.LocationCode}"),
        new("Locations/Labels", Access.Staff, Url: s => $"/Locations/Labels?location={s.LocationCode}"),
        new("Exhibitions", Access.Anonymous),
        new("Exhibitions/Index", Access.Anonymous),
        new("Exhibitions/Details/{code}", Access.Anonymous, Url: s => $"/Exhibitions/Details/{s.ExhibitionCode}"),
        new("Exhibitions/Edit/{code?}", Access.Editors, Url: s => $"/Exhibitions/Edit/{s.ExhibitionCode}"),
        new("Exhibitions/Manage/{code}", Access.Editors, Url: s => $"/Exhibitions/Manage/{s.ExhibitionCode}"),
        new("Exhibitions/Checklist/{code}", Access.Staff, Url: s => $"/Exhibitions/Checklist/{s.ExhibitionCode}"),
        new("Loans", Access.Staff),
        new("Loans/Index", Access.Staff),
        new("Loans/Details/{reference}", Access.Staff, Url: s => $"/Loans/Details/{s.LoanReference}"),
        new("Loans/Edit/{reference?}", Access.Editors, Url: s => $"/Loans/Edit/{s.LoanReference}"),
        new("Loans/Act/{reference}", Access.Editors, AllowedStatus: 302, Url: s => $"/Loans/Act/{s.LoanReference}"),
        new("/api/exhibitions/", Access.Anonymous, Url: _ => "/api/exhibitions"),
        new("/api/exhibitions/{code}", Access.Anonymous, Url: s => $"/api/exhibitions/{s.ExhibitionCode}"),
        // Images of published artifacts are public; the IIIF and image routes answer "not found" to the public for the rest.
        new("/iiif/3/{imageId}/info.json", Access.Anonymous, Url: s => $"/iiif/3/{s.ImageId}/info.json"),
        new("/iiif/3/{imageId}/{region}/{size}/{rotation}/{qualityAndFormat}", Access.Anonymous, Url: s => $"/iiif/3/{s.ImageId}/full/!200,200/0/default.jpg"),
        new("/iiif/manifests/{accessionNumber}", Access.Anonymous, Url: s => $"/iiif/manifests/{s.PublishedAccessionNumber}"),
        new("/api/images/{imageId}", Access.Anonymous, Url: s => $"/api/images/{s.ImageId}"),
        new("Artifacts/Images/{accessionNumber}", Access.Editors, Url: s => $"/Artifacts/Images/{s.PublishedAccessionNumber}"),
        new("Excavation/Finds/Images/{number}", Access.Excavators, Url: s => $"/Excavation/Finds/Images/{s.FindNumber}"),
        new("Conservation/Reports/Images/{reference}", Access.Conservators, Url: s => $"/Conservation/Reports/Images/{s.ReportReference}"),
        new("Conservation/Treatments/StepImages/{reference}/{stepId:int}", Access.Conservators, Url: s => $"/Conservation/Treatments/StepImages/{s.TreatmentReference}/{s.StepId}"),
    ];

    private const string Anonymous = "anonymous";

    private static readonly string[] Identities = [Anonymous, .. Roles.All];

    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);
    private RouteSamples samples = null!;

    [OneTimeSetUp]
    public async Task SignInEveryRole()
    {
        clients[Anonymous] = CreateClient();
        foreach (var role in Roles.All)
            clients[role] = await SignInAsync(role);
        var termId = await WithDatabaseAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabulary.Material).Select(t => t.Id).FirstAsync());
        var (siteCode, contextNumber, findNumber) = await WithServicesAsync(RecordSmallExcavationAsync);
        var published = SampleCatalogue.First(PublicationStatus.Published).AccessionNumber;
        var (report, treatment) = await WithServicesAsync(services => RecordConservationAsync(services, published));
        var stepId = await WithServicesAsync(services => AddStepAsync(services, treatment));
        var (location, exhibition, loan) = await WithServicesAsync(services => RecordWhereaboutsAsync(services, published));
        var imageId = await WithDatabaseAsync(db => db.MediaLinks.Where(l => l.OwnerKey == published).Select(l => l.Image!.Sha256).FirstAsync());
        samples = new RouteSamples(published, (await UserAsync(Roles.Viewer)).Id, termId, siteCode, contextNumber, findNumber, report, treatment, location, exhibition, loan, imageId, stepId);
    }

    /// <summary>A condition report and a proposed treatment of the test's own, so every conservation route has a record to open.</summary>
    private static async Task<(string Report, string Treatment)> RecordConservationAsync(IServiceProvider services, string accessionNumber)
    {
        var commands = services.GetRequiredService<ConservationCommands>();
        var report = await commands.CreateReportAsync(new ConditionReportInput
        {
            AccessionNumber = accessionNumber, ExaminedOn = new DateOnly(2026, 1, 5), Examiner = "Authorization test", Overall = OverallCondition.Good,
        });
        var treatment = await commands.ProposeAsync(new TreatmentInput { AccessionNumber = accessionNumber, Title = "Authorization test treatment" });
        Assert.That(report.Succeeded && treatment.Succeeded, Is.True, "the test's own conservation records");
        return (report.Value!.Reference, treatment.Value!.Reference);
    }

    /// <summary>A step of the test's treatment, so the step photographs route has a step to open.</summary>
    private static async Task<int> AddStepAsync(IServiceProvider services, string treatmentReference)
    {
        var db = services.GetRequiredService<Catalogue.Core.Data.CatalogueDbContext>();
        var stepType = await db.Terms.Where(t => t.Vocabulary == Vocabulary.TreatmentStep).Select(t => t.Id).FirstAsync();
        var version = await db.Treatments.Where(t => t.Reference == treatmentReference).Select(t => t.Version).SingleAsync();
        var added = await services.GetRequiredService<ConservationCommands>().AddStepAsync(treatmentReference, version, new StepInput { StepTypeId = stepType, Description = "Authorization test step" });
        Assert.That(added.Succeeded, Is.True, "the test's own treatment step");
        return added.Value!.Steps.Single().Id;
    }

    /// <summary>A box holding the object, a public exhibition showing it and a loan of it, so every location, exhibition and loan route has a record to open.</summary>
    private static async Task<(string Location, string Exhibition, string Loan)> RecordWhereaboutsAsync(IServiceProvider services, string accessionNumber)
    {
        var locations = services.GetRequiredService<LocationCommands>();
        var box = await locations.SaveAsync(new SaveLocationCommand { Code = "AZ-BOX", Name = "Authorization test box", Kind = LocationKind.Box }, isNew: true);
        var moved = await locations.MoveAsync(new MoveCommand { AccessionNumbers = [accessionNumber], ToLocationCode = "AZ-BOX", Reason = "Authorization test" });
        var exhibitions = services.GetRequiredService<ExhibitionCommands>();
        var exhibition = await exhibitions.SaveAsync(new SaveExhibitionCommand { Code = "AZ-EX", TitleEn = "Authorization test exhibition", IsPublic = true }, isNew: true);
        var shown = await exhibitions.ShowAsync("AZ-EX", new ExhibitObjectInput { AccessionNumber = accessionNumber, LabelEn = "A label" });
        var loan = await exhibitions.SaveLoanAsync(null, new SaveLoanCommand { Institution = "Authorization test museum", ExhibitionCode = "AZ-EX" });
        Assert.That(box.Succeeded && moved.Succeeded && exhibition.Succeeded && shown.Succeeded && loan.Succeeded, Is.True, "the test's own locations, exhibition and loan");
        return (box.Value!.Code, exhibition.Value!.Code, loan.Value!.Reference);
    }

    /// <summary>A site of this test's own, so the excavation routes are tried on records that exist whatever the samples hold.</summary>
    private static async Task<(string Site, int Context, string Find)> RecordSmallExcavationAsync(IServiceProvider services)
    {
        var site = await services.GetRequiredService<SiteCommands>().SaveAsync(new SaveSiteCommand { Code = "AZ", NameEn = "Authorization test site" }, isNew: true);
        var context = await services.GetRequiredService<ContextCommands>().SaveAsync(new SaveContextCommand { SiteCode = "AZ", Number = 1, Description = "A test layer" }, isNew: true);
        var find = await services.GetRequiredService<FindCommands>().RegisterAsync(new SaveFindCommand { SiteCode = "AZ", ContextNumber = 1 });
        Assert.That(site.Succeeded && context.Succeeded && find.Succeeded, Is.True, "the test's own excavation records");
        return (site.Value!.Code, context.Value!.Number, find.Value!.FindNumber);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        foreach (var client in clients.Values)
            client.Dispose();
    }

    [Test]
    public void Every_endpoint_names_its_authorization_explicitly()
    {
        var unprotected = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.That(unprotected, Is.Empty, "These endpoints rely on the fallback policy instead of naming [AllowAnonymous] or a policy.");
    }

    [Test]
    public void Every_endpoint_is_in_the_access_table_and_every_row_of_the_table_is_an_endpoint()
    {
        var patterns = Endpoints().Select(e => e.RoutePattern.RawText ?? string.Empty).ToList();
        var tabled = Table.Select(r => r.Pattern).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(patterns.Except(tabled), Is.Empty,
                "New endpoints: add each to AuthorizationMatrixTests.Table with who may GET it.");
            Assert.That(tabled.Except(patterns), Is.Empty, "Rows of the access table that no longer match an endpoint.");
            Assert.That(tabled, Is.Unique);
        });
    }

    [Test]
    public void Every_endpoint_declares_the_policy_its_table_row_expects()
    {
        var rules = Table.ToDictionary(r => r.Pattern);
        Assert.Multiple(() =>
        {
            foreach (var endpoint in Endpoints())
            {
                if (!rules.TryGetValue(endpoint.RoutePattern.RawText ?? string.Empty, out var rule))
                    continue;
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Select(a => a.Policy ?? (a.Roles is null ? "(signed in)" : $"roles {a.Roles}")).ToList();
                List<string> expected = rule.Access switch
                {
                    Access.Anonymous => [],
                    Access.SignedIn => ["(signed in)"],
                    Access.Staff => [Policies.Staff],
                    Access.Editors => [Policies.EditCatalogue],
                    Access.Excavators => [Policies.RecordExcavation],
                    Access.Conservators => [Policies.Conserve],
                    Access.Approvers => [Policies.ApproveTreatment],
                    Access.Admin => [Policies.Admin],
                    _ => throw new InvalidOperationException(),
                };

                Assert.That(anonymous, Is.EqualTo(rule.Access == Access.Anonymous), $"{rule}: [AllowAnonymous]");
                if (rule.Access != Access.Anonymous)
                    Assert.That(policies, Is.EqualTo(expected), $"{rule}: policies");
            }
        });
    }

    [TestCaseSource(nameof(Table))]
    public async Task Each_route_answers_every_identity_as_the_table_says(Rule rule)
    {
        var url = rule.SampleUrl(samples);
        foreach (var identity in Identities)
        {
            using var response = await clients[identity].GetAsync(url);
            var status = (int)response.StatusCode;
            var target = response.RedirectTarget(clients[identity].BaseAddress!)?.AbsolutePath;
            var because = $"GET {url} as {identity}";
            if (IsAllowed(rule.Access, identity))
            {
                Assert.That(status, Is.EqualTo(rule.AllowedStatus), because);
            }
            else if (identity == Anonymous)
            {
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                    Assert.That(status, Is.EqualTo(401), because);
                else
                    Assert.That((status, target), Is.EqualTo((302, "/Account/Login")), $"{because} should send the visitor to sign in");
            }
            else
            {
                Assert.That(status == 403 || (status == 302 && target == "/Account/AccessDenied"), Is.True,
                    $"{because} should be refused (403 or a redirect to /Account/AccessDenied), but was {status} {target}");
            }
        }
    }

    [Test]
    public async Task A_signed_in_viewer_is_refused_by_the_admin_pages_with_the_access_denied_page()
    {
        using var response = await clients[Roles.Viewer].GetAsync("/Admin/Users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.RedirectTarget(clients[Roles.Viewer].BaseAddress!)!.AbsolutePath, Is.EqualTo("/Account/AccessDenied"));
    }

    private static bool IsAllowed(Access access, string identity) => access switch
    {
        Access.Anonymous => true,
        Access.SignedIn or Access.Staff => identity != Anonymous,
        Access.Editors => identity is Roles.Admin or Roles.Curator,
        Access.Excavators => identity is Roles.Admin or Roles.Archaeologist,
        Access.Conservators => identity is Roles.Admin or Roles.Conservator,
        Access.Approvers => identity is Roles.Admin or Roles.Curator,
        Access.Admin => identity == Roles.Admin,
        _ => false,
    };

    private List<RouteEndpoint> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
}
