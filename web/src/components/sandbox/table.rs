//! The sessions-vs-JWT comparison table, every cell measured by simulation.

use std::rc::Rc;

use jwtlens_flows::Comparison;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct TableProps {
    pub(super) table: Rc<Comparison>,
}

#[function_component(ComparisonTable)]
pub(super) fn comparison_table(props: &TableProps) -> Html {
    let t = &props.table;
    html! {
        <section class="panel" id="sb-compare" aria-label="Comparison">
            <div class="panel-head"><h2>{ "The articles' comparison, measured" }</h2></div>
            <p class="small muted">{ "Each cell comes from running the same short scenario under each strategy with the options above; change an option and the table is measured again." }</p>
            <div class="sb-table-wrap">
                <table class="sb-table sb-compare">
                    <thead><tr><th>{ "Factor" }</th>{ for t.labels.iter().map(|l| html! { <th>{ *l }</th> }) }</tr></thead>
                    <tbody>
                        { for t.rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.factor }<div class="muted small">{ format!("Claim: {}", r.claim) }</div><div class="muted small">{ format!("Measured: {}", r.measured_by) }</div></th>
                                { for r.cells.iter().map(|c| html! { <td>{ c }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
