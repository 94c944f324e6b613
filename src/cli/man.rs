//! `folio man`: one manual page that holds every subcommand, so it refers to no other page
//! (clap_mangen's own page points at a `folio-build(1)` and so on, which nothing installs).
//! Each subcommand's synopsis, description and options follow the main page's, under a
//! section of its own.

use super::Args;
use clap::CommandFactory;
use clap_mangen::Man;
use std::io::Write;

/// Writes the page, in roff, to `w`.
pub fn render(w: &mut dyn Write) -> std::io::Result<()> {
    let mut command = Args::command().disable_help_subcommand(true);
    command.build();
    let main = Man::new(command.clone());
    main.render_title(w)?;
    main.render_name_section(w)?;
    main.render_synopsis_section(w)?;
    main.render_description_section(w)?;
    main.render_options_section(w)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        writeln!(w, ".SH \"FOLIO {}\"", sub.get_name().to_uppercase())?;
        let man = Man::new(sub.clone());
        let mut sections = Vec::new();
        man.render_synopsis_section(&mut sections)?;
        man.render_description_section(&mut sections)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut sections)?;
        }
        // Its sections are subsections of the subcommand's.
        w.write_all(String::from_utf8_lossy(&sections).replace(".SH ", ".SS ").as_bytes())?;
    }
    main.render_version_section(w)
}
