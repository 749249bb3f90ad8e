// Texts of the trust resources' own sections on their detail pages: the document of a
// bewijsstuk (upload, download, remove) and the herbeoordeling of a toegang. Their
// fields, lists and forms are the registry pages' (messages/registry.ts).
const nl = {
  bijlage: {
    kop: 'Document',
    geen: 'Er is geen document geüpload.',
    bestandsnaam: 'Bestandsnaam',
    mediatype: 'Soort bestand',
    grootte: 'Grootte',
    sha256: 'SHA-256 (controlegetal)',
    downloaden: 'Download “{{naam}}”',
    uploaden: 'Document uploaden',
    vervangen: 'Ander document uploaden (vervangt het huidige)',
    eisen: 'Een PDF, PNG of JPEG van ten hoogste {{max}}. Het soort bestand wordt aan de inhoud herkend, niet aan de naam.',
    knop: 'Uploaden',
    bezig: 'Bezig met uploaden…',
    opgeslagen: 'Het document “{{naam}}” is opgeslagen.',
    verwijderen: 'Document verwijderen',
    verwijderd: 'Het document is verwijderd.',
    bevestig: {
      kop: 'Document verwijderen?',
      tekst:
        'Het document “{{naam}}” wordt van dit bewijsstuk verwijderd. Dat kan niet ongedaan worden gemaakt; het auditlog bewaart dat het er was, met het controlegetal, maar niet de inhoud.',
      ja: 'Ja, verwijderen',
    },
    fout: {
      geenBestand: 'Kies eerst een bestand.',
      teGroot: 'Het bestand “{{naam}}” is {{grootte}}: groter dan de {{max}} die is toegestaan. Kies een kleiner bestand.',
      leeg: 'Het bestand “{{naam}}” is leeg (0 bytes).',
      inhoudPastNiet:
        'Het bestand “{{naam}}” is geen echte {{gezegd}}: de inhoud past niet bij het soort bestand. Alleen PDF, PNG en JPEG worden aangenomen, herkend aan de inhoud.',
      verkeerdType: 'Het bestand “{{naam}}” is geen PDF, PNG of JPEG. Kies een bestand van een van die soorten.',
      gewijzigd: 'Het bewijsstuk is intussen door iemand anders gewijzigd. De pagina toont nu de nieuwe versie: probeer het opnieuw.',
    },
  },
  herbeoordeling: {
    kop: 'Herbeoordeling',
    laatste: 'Laatst herbeoordeeld op {{datum}} door {{door}}.',
    laatsteZonderDoor: 'Laatst herbeoordeeld op {{datum}}.',
    nooit: 'Nog nooit herbeoordeeld (de verlening op {{datum}} geldt als eerste beoordeling).',
    geldigTot: 'Geldig tot en met {{datum}}.',
    zonderEinde: 'Geldig tot intrekking (geen einddatum).',
    ingetrokkenKop: 'Ingetrokken',
    ingetrokken: 'Ingetrokken op {{datum}} door {{door}}.',
    redenWeergave: 'Reden: {{reden}}',
    nieuweToegang: 'Een ingetrokken toegang kan niet opnieuw worden goedgekeurd; leg zo nodig een nieuwe toegang vast.',
    goedkeuren: 'Goedkeuren',
    intrekken: 'Intrekken',
    goedgekeurd: 'De toegang is goedgekeurd.',
    goedgekeurdTot: 'De toegang is goedgekeurd, geldig tot en met {{datum}}.',
    ingetrokkenMelding: 'De toegang is ingetrokken.',
    bevestigGoedkeuren: {
      kop: 'Toegang goedkeuren',
      tekst:
        'U verklaart dat {{naam}} deze toegang nog nodig heeft. De datum van de laatste herbeoordeling wordt vandaag, met u als beoordelaar.',
      ja: 'Goedkeuren',
    },
    bevestigIntrekken: {
      kop: 'Toegang intrekken',
      tekst:
        'De toegang van {{naam}} eindigt vandaag. Dit kan niet ongedaan worden gemaakt: wie later weer toegang nodig heeft, krijgt een nieuwe toegang.',
      ja: 'Intrekken',
    },
    nieuweDatum: 'Nieuwe einddatum (niet verplicht)',
    nieuweDatumHulp: 'Leeg laten: de einddatum blijft {{huidig}}.',
    huidigGeen: 'leeg (geldig tot intrekking)',
    reden: 'Reden van intrekking',
    redenHulp: 'Verplicht. Bijvoorbeeld: contract beëindigd, medewerker vertrokken, niet meer nodig.',
  },
}

const en: typeof nl = {
  bijlage: {
    kop: 'Document',
    geen: 'No document has been uploaded.',
    bestandsnaam: 'File name',
    mediatype: 'File type',
    grootte: 'Size',
    sha256: 'SHA-256 (checksum)',
    downloaden: 'Download “{{naam}}”',
    uploaden: 'Upload document',
    vervangen: 'Upload another document (replaces the current one)',
    eisen: 'A PDF, PNG or JPEG of at most {{max}}. The file type is recognised by its content, not by its name.',
    knop: 'Upload',
    bezig: 'Uploading…',
    opgeslagen: 'The document “{{naam}}” has been saved.',
    verwijderen: 'Remove document',
    verwijderd: 'The document has been removed.',
    bevestig: {
      kop: 'Remove the document?',
      tekst:
        'The document “{{naam}}” will be removed from this evidence. This cannot be undone; the audit log keeps that it was there, with its checksum, but not its content.',
      ja: 'Yes, remove',
    },
    fout: {
      geenBestand: 'Choose a file first.',
      teGroot: 'The file “{{naam}}” is {{grootte}}: larger than the {{max}} allowed. Choose a smaller file.',
      leeg: 'The file “{{naam}}” is empty (0 bytes).',
      inhoudPastNiet:
        'The file “{{naam}}” is not a real {{gezegd}}: its content does not match its type. Only PDF, PNG and JPEG are accepted, recognised by their content.',
      verkeerdType: 'The file “{{naam}}” is not a PDF, PNG or JPEG. Choose a file of one of those types.',
      gewijzigd: 'Someone else changed this evidence in the meantime. The page now shows the new version: please try again.',
    },
  },
  herbeoordeling: {
    kop: 'Review',
    laatste: 'Last reviewed on {{datum}} by {{door}}.',
    laatsteZonderDoor: 'Last reviewed on {{datum}}.',
    nooit: 'Never reviewed (the grant on {{datum}} counts as the first review).',
    geldigTot: 'Valid until {{datum}} inclusive.',
    zonderEinde: 'Valid until revoked (no end date).',
    ingetrokkenKop: 'Revoked',
    ingetrokken: 'Revoked on {{datum}} by {{door}}.',
    redenWeergave: 'Reason: {{reden}}',
    nieuweToegang: 'A revoked access grant cannot be approved again; record a new grant if needed.',
    goedkeuren: 'Approve',
    intrekken: 'Revoke',
    goedgekeurd: 'The access grant has been approved.',
    goedgekeurdTot: 'The access grant has been approved, valid until {{datum}} inclusive.',
    ingetrokkenMelding: 'The access grant has been revoked.',
    bevestigGoedkeuren: {
      kop: 'Approve access grant',
      tekst: 'You confirm that {{naam}} still needs this access. The date of the last review becomes today, with you as the reviewer.',
      ja: 'Approve',
    },
    bevestigIntrekken: {
      kop: 'Revoke access grant',
      tekst: 'The access of {{naam}} ends today. This cannot be undone: whoever needs access again later gets a new grant.',
      ja: 'Revoke',
    },
    nieuweDatum: 'New end date (optional)',
    nieuweDatumHulp: 'Leave empty: the end date stays {{huidig}}.',
    huidigGeen: 'empty (valid until revoked)',
    reden: 'Reason for revoking',
    redenHulp: 'Required. For example: contract ended, employee left, no longer needed.',
  },
}

export default { nl, en }
