"""One module per tab, each with render(view, …): takes the filtered DataFrame and draws."""
