namespace Catalogue.Core.Excavation.Stratigraphy;

/// <summary>The stored (canonical) kinds of stratigraphic relation; each means From is later than To, except SameAs.</summary>
public enum StratigraphicRelationType
{
    Above,
    Cuts,
    Fills,
    Abuts,
    SameAs,
}
