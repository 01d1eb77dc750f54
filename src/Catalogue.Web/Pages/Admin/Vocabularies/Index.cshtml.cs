using Catalogue.Core.Vocabularies;
using Catalogue.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Catalogue.Web.Pages.Admin.Vocabularies;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(VocabularyQueries queries, VocabularyCommands commands, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Vocabulary Vocabulary { get; set; } = Vocabulary.ObjectType;

    public IReadOnlyList<VocabularyTerm> Terms { get; private set; } = [];
    public IReadOnlyDictionary<Vocabulary, int> Counts { get; private set; } = new Dictionary<Vocabulary, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(Vocabulary))
            Vocabulary = Vocabulary.ObjectType;
        Terms = await queries.ListAsync(Vocabulary, cancellationToken);
        Counts = await queries.CountsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var result = await commands.DeleteAsync(id, cancellationToken);
        if (result.Succeeded)
            TempData["Message"] = l["The term was deleted."].Value;
        else
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage(new { vocabulary = Vocabulary });
    }
}
