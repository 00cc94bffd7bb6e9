<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro_RO">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Renunță</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Repartizare</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Repartizează</translation>
    </message>
    <message>
        <source>— keep / from the person —</source>
        <translation>— neschimbat / după persoană —</translation>
    </message>
    <message>
        <source>— nobody in particular —</source>
        <translation>— nicio persoană anume —</translation>
    </message>
    <message>
        <source>&amp;Compartment</source>
        <translation>&amp;Compartiment</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Persoană</translation>
    </message>
    <message>
        <source>&amp;Instruction (head&apos;s note)</source>
        <translation>Re&amp;zoluție (indicația conducerii)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel the entry</source>
        <translation>Anularea înregistrării</translation>
    </message>
    <message>
        <source>Cancel &amp;the entry</source>
        <translation>&amp;Anulează înregistrarea</translation>
    </message>
    <message>
        <source>The entry will be marked CANCELLED. Its number stays taken in the register and is never reused; the reason, your name and the time are recorded.</source>
        <translation>Înregistrarea va fi marcată ANULATĂ. Numărul rămâne ocupat în registru și nu se refolosește niciodată; se consemnează motivul, numele dumneavoastră și ora.</translation>
    </message>
    <message>
        <source>e.g. registered twice by mistake (see 126/2026)</source>
        <translation>ex. înregistrat de două ori din greșeală (vezi 126/2026)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motiv</translation>
    </message>
</context>
<context>
    <name>DocTypeDialog</name>
    <message>
        <source>Document type</source>
        <translation>Tip de document</translation>
    </message>
    <message>
        <source>any</source>
        <translation>oricare</translation>
    </message>
    <message>
        <source>no legal deadline</source>
        <translation>fără termen legal</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>zile calendaristice</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>zile lucrătoare</translation>
    </message>
    <message>
        <source>A deadline on a non-working day moves to the next working day</source>
        <translation>Un termen care cade într-o zi nelucrătoare se mută în următoarea zi lucrătoare</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>În uz</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Cod</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nume</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;Pentru</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>&amp;Termen</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>Se socotește în</translation>
    </message>
    <message>
        <source>&amp;Extension up to (days)</source>
        <translation>Prelungire de &amp;cel mult (zile)</translation>
    </message>
    <message>
        <source>&amp;Legal basis</source>
        <translation>Temei &amp;legal</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvează</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Renunță</translation>
    </message>
</context>
<context>
    <name>EntryDetailDialog</name>
    <message>
        <source>Entry card</source>
        <extracomment>Fields of the audit &apos;before&apos;/&apos;after&apos; payloads shown in the history, in this order.</extracomment>
        <translation>Fișa înregistrării</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Se încarcă…</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Când</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Cine</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Ce</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modificări</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Istoric</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fișier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Mărime</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Adăugat</translation>
    </message>
    <message>
        <source>By</source>
        <translation>De către</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Deschide</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verifică</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>Adau&amp;gă fișier…</translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation>&amp;Fișiere</translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation>&amp;Legături</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Repartizează…</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>Re&amp;zolvă…</translation>
    </message>
    <message>
        <source>E&amp;xtend deadline…</source>
        <translation>&amp;Prelungește termenul…</translation>
    </message>
    <message>
        <source>&amp;Cancel entry…</source>
        <translation>&amp;Anulează…</translation>
    </message>
    <message>
        <source>&amp;Receipt (Ctrl+P)</source>
        <translation>&amp;Dovadă (Ctrl+P)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Închide (Esc)</translation>
    </message>
    <message>
        <source>Entry {ref}</source>
        <translation>Înregistrarea {ref}</translation>
    </message>
    <message>
        <source>F&amp;iles ({count})</source>
        <translation>&amp;Fișiere ({count})</translation>
    </message>
    <message>
        <source>&amp;Links ({count})</source>
        <translation>&amp;Legături ({count})</translation>
    </message>
    <message>
        <source>reply no. {ref}</source>
        <translation>răspuns nr. {ref}</translation>
    </message>
    <message>
        <source>(extended; first {date})</source>
        <translation>(prelungit; inițial {date})</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Înregistrat la</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tip document</translation>
    </message>
    <message>
        <source>Received / sent by</source>
        <translation>Mod de primire / trimitere</translation>
    </message>
    <message>
        <source>Issuer&apos;s no. and date</source>
        <translation>Nr. și data documentului</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emitent</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>Destinatar</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Rezumat</translation>
    </message>
    <message>
        <source>Sheets / annexes</source>
        <translation>File / anexe</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoană</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Rezoluție</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Termen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Rezolvare</translation>
    </message>
    <message>
        <source>Joined to</source>
        <translation>Conexat la</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dosar</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Înregistrat de</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulat</translation>
    </message>
    <message>
        <source>{when} by {who}: {reason}</source>
        <translation>{when}, de {who}: {reason}</translation>
    </message>
    <message>
        <source>Show the full CNP (the access is logged)</source>
        <translation>Arată CNP-ul complet (accesul se consemnează)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observații</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivul anulării</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Conținut</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>motiv: {reason}</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Are răspunsul</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Răspunde la</translation>
    </message>
    <message>
        <source>Related to</source>
        <translation>În legătură cu</translation>
    </message>
    <message>
        <source>Joined with</source>
        <translation>Conexat cu</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvat.</translation>
    </message>
    <message>
        <source>Resolved; the reply is registered as no. {ref}.</source>
        <translation>Rezolvat; răspunsul este înregistrat cu nr. {ref}.</translation>
    </message>
    <message>
        <source>Checking and opening the file…</source>
        <translation>Se verifică și se deschide fișierul…</translation>
    </message>
    <message>
        <source>Opened a verified copy: {path}</source>
        <translation>S-a deschis o copie verificată: {path}</translation>
    </message>
    <message>
        <source>The file is intact: its SHA-256 fingerprint matches ({size} bytes).</source>
        <translation>Fișierul este intact: amprenta SHA-256 corespunde ({size} octeți).</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Atașează fișiere</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>New registration</source>
        <translation>Înregistrare nouă</translation>
    </message>
    <message>
        <source>&amp;Incoming</source>
        <translation>&amp;Intrare</translation>
    </message>
    <message>
        <source>&amp;Outgoing</source>
        <translation>I&amp;eșire</translation>
    </message>
    <message>
        <source>In&amp;ternal</source>
        <translation>In&amp;tern</translation>
    </message>
    <message>
        <source>Re&amp;ceived by</source>
        <translation>Mod de pri&amp;mire</translation>
    </message>
    <message>
        <source>e.g. 1234/20.11.2026</source>
        <translation>ex. 1234/20.11.2026</translation>
    </message>
    <message>
        <source>&amp;Sheets</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Anne&amp;xes</source>
        <translation>&amp;Anexe</translation>
    </message>
    <message>
        <source>Issuer (sender)</source>
        <translation>Emitent (expeditor)</translation>
    </message>
    <message>
        <source>Addressee (recipient)</source>
        <translation>Destinatar</translation>
    </message>
    <message>
        <source>— choose the document type —</source>
        <translation>— alegeți tipul documentului —</translation>
    </message>
    <message>
        <source>— not assigned —</source>
        <translation>— nerepartizat —</translation>
    </message>
    <message>
        <source>— nobody in particular —</source>
        <translation>— nicio persoană anume —</translation>
    </message>
    <message>
        <source>Per&amp;son</source>
        <translation>Per&amp;soană</translation>
    </message>
    <message>
        <source>no./year of the incoming entry this answers, e.g. 125/2026</source>
        <translation>nr./an al intrării la care răspunde, ex. 125/2026</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>Adau&amp;gă fișier…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>E&amp;limină</translation>
    </message>
    <message>
        <source>Drop files here or paste a scan with Ctrl+V.</source>
        <translation>Trageți fișierele aici sau lipiți o scanare cu Ctrl+V.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Issuer&apos;s &amp;no. and date</source>
        <translation>Nr. și &amp;data documentului</translation>
    </message>
    <message>
        <source>Document &amp;type</source>
        <translation>Ti&amp;p document</translation>
    </message>
    <message>
        <source>S&amp;ubject</source>
        <translation>&amp;Conținut pe scurt</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation>&amp;Rezumat</translation>
    </message>
    <message>
        <source>Com&amp;partment</source>
        <translation>C&amp;ompartiment</translation>
    </message>
    <message>
        <source>&amp;Reply to</source>
        <translation>Răsp&amp;uns la</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fișiere</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>Înregistrează (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Închide (Esc)</translation>
    </message>
    <message>
        <source>Registered under number</source>
        <translation>Înregistrat cu numărul</translation>
    </message>
    <message>
        <source>&amp;Print the receipt (Ctrl+P)</source>
        <translation>&amp;Tipărește dovada (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;New registration (Ctrl+N)</source>
        <translation>Înregistrare &amp;nouă (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open the &amp;card</source>
        <translation>Deschide &amp;fișa</translation>
    </message>
    <message>
        <source>No legal deadline</source>
        <translation>Fără termen legal</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>zile lucrătoare</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>zile calendaristice</translation>
    </message>
    <message>
        <source>Legal deadline: {days} {kind} → {date}</source>
        <translation>Termen legal: {days} {kind} → {date}</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Atașează fișiere</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt *.xls *.xlsx);;All files (*)</source>
        <translation>Scanări și documente (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt *.xls *.xlsx);;Toate fișierele (*)</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Se înregistrează…</translation>
    </message>
    <message>
        <source>of {date}, at {time}</source>
        <translation>din {date}, ora {time}</translation>
    </message>
    <message>
        <source>Deadline: {date}</source>
        <translation>Termen: {date}</translation>
    </message>
    <message>
        <source>Close the form? What you typed has not been registered.</source>
        <translation>Închideți formularul? Ce ați scris nu a fost înregistrat.</translation>
    </message>
    <message>
        <source>Close the form</source>
        <translation>Închide formularul</translation>
    </message>
    <message>
        <source>Keep typing</source>
        <translation>Continui completarea</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend the deadline</source>
        <translation>Prelungirea termenului</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Prelungește</translation>
    </message>
    <message>
        <source>Current deadline: {date}</source>
        <translation>Termenul actual: {date}</translation>
    </message>
    <message>
        <source>days</source>
        <translation>zile</translation>
    </message>
    <message>
        <source>e.g. information requested from the county council</source>
        <translation>ex. s-au cerut informații Consiliului Județean</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Zile</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motiv</translation>
    </message>
    <message>
        <source>The law allows at most {days} more days for this document type.</source>
        <translation>Legea permite cel mult încă {days} zile pentru acest tip de document.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import an old register (CSV)</source>
        <translation>Importul unui registru vechi (CSV)</translation>
    </message>
    <message>
        <source>Choose the register kept in a spreadsheet, saved as CSV. It is checked first; nothing is written until you press Import, and then every line is imported or none.</source>
        <translation>Alegeți registrul ținut în calculator (foaie de calcul salvată ca CSV). Întâi se verifică; nu se scrie nimic până nu apăsați Importă, iar atunci se importă toate rândurile sau niciunul.</translation>
    </message>
    <message>
        <source>&amp;Choose the file…</source>
        <translation>&amp;Alege fișierul…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importă</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <source>Old register</source>
        <translation>Registru vechi</translation>
    </message>
    <message>
        <source>Spreadsheet saved as CSV (*.csv *.txt);;All files (*)</source>
        <translation>Foaie de calcul salvată ca CSV (*.csv *.txt);;Toate fișierele (*)</translation>
    </message>
    <message>
        <source>Checking every line…</source>
        <translation>Se verifică fiecare rând…</translation>
    </message>
    <message>
        <source>{rows} lines, year {year}, encoding {encoding}.</source>
        <translation>{rows} rânduri, anul {year}, codificarea {encoding}.</translation>
    </message>
    <message>
        <source>No faults: ready to import.</source>
        <translation>Nicio eroare: se poate importa.</translation>
    </message>
    <message>
        <source>{count} lines have faults; fix them in the file and choose it again.</source>
        <translation>{count} rânduri au erori; corectați-le în fișier și alegeți-l din nou.</translation>
    </message>
    <message>
        <source>line {line}, {column}: {message}</source>
        <translation>linia {line}, {column}: {message}</translation>
    </message>
    <message>
        <source>New compartments: {names}</source>
        <translation>Compartimente noi: {names}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Se importă…</translation>
    </message>
    <message>
        <source>Imported {count} entries. The next number of {year} is {next}.</source>
        <translation>S-au importat {count} înregistrări. Următorul număr din {year} este {next}.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Registered</source>
        <translation>Înregistrat</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Repartizat</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Rezolvat</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Îndosariat</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulat</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Intrare</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Ieșire</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>At the desk</source>
        <translation>La ghișeu</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Poștă</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Online portal</source>
        <translation>Portal online</translation>
    </message>
    <message>
        <source>County hub</source>
        <translation>Hub județean</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Curier</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Soluționat prin răspuns</translation>
    </message>
    <message>
        <source>Filed without action</source>
        <translation>Clasat</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Redirecționat</translation>
    </message>
    <message>
        <source>Joined to another entry</source>
        <translation>Conexat</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>Spre informare</translation>
    </message>
    <message>
        <source>Registry clerk</source>
        <translation>Registrator</translation>
    </message>
    <message>
        <source>Compartment staff</source>
        <translation>Personal de compartiment</translation>
    </message>
    <message>
        <source>Secretary general</source>
        <translation>Secretar general</translation>
    </message>
    <message>
        <source>Archivist</source>
        <translation>Arhivar</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoană</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instituție / firmă</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Legat de altă înregistrare</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>Fișier atașat</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>Termen prelungit</translation>
    </message>
    <message>
        <source>Personal identifiers viewed</source>
        <translation>CNP vizualizat</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Registru — log in</source>
        <translation>Registru — autentificare</translation>
    </message>
    <message>
        <source>Document registry</source>
        <translation>Registratura documentelor</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Utilizator</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Parolă</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Intră</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>I&amp;eșire</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Se verifică…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Registru — {institution}</source>
        <translation>Registru — {institution}</translation>
    </message>
    <message>
        <source>Automatic backup made: {name}</source>
        <translation>Copia de siguranță automată a fost făcută: {name}</translation>
    </message>
    <message>
        <source>&amp;Registry</source>
        <translation>&amp;Registru</translation>
    </message>
    <message>
        <source>&amp;New registration…</source>
        <translation>Înregistrare &amp;nouă…</translation>
    </message>
    <message>
        <source>&amp;Open the card</source>
        <translation>&amp;Deschide fișa</translation>
    </message>
    <message>
        <source>&amp;Print the receipt</source>
        <translation>&amp;Tipărește dovada</translation>
    </message>
    <message>
        <source>Print the re&amp;gister…</source>
        <translation>Tipărește re&amp;gistrul…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Copie de siguranță acum</translation>
    </message>
    <message>
        <source>&amp;Verify integrity…</source>
        <translation>&amp;Verifică integritatea…</translation>
    </message>
    <message>
        <source>&amp;Import an old register (CSV)…</source>
        <translation>&amp;Importă un registru vechi (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Setări…</translation>
    </message>
    <message>
        <source>&amp;Change user</source>
        <translation>&amp;Schimbă utilizatorul</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ieșire</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vizualizare</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Caută</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Reîmprospătează</translation>
    </message>
    <message>
        <source>Reset &amp;filters</source>
        <translation>Șterge &amp;filtrele</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administrare</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Utilizatori…</translation>
    </message>
    <message>
        <source>&amp;Nomenclator…</source>
        <translation>&amp;Nomenclator…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;utor</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scurtături de tastatură</translation>
    </message>
    <message>
        <source>&amp;About Registru</source>
        <translation>&amp;Despre Registru</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Bara principală</translation>
    </message>
    <message>
        <source>New registration (Ctrl+N)</source>
        <translation>Înregistrare nouă (Ctrl+N)</translation>
    </message>
    <message>
        <source>Receipt saved: {path}</source>
        <translation>Dovada a fost salvată: {path}</translation>
    </message>
    <message>
        <source>Register saved: {path}</source>
        <translation>Registrul a fost salvat: {path}</translation>
    </message>
    <message>
        <source>Writing the register pages…</source>
        <translation>Se scriu paginile registrului…</translation>
    </message>
    <message>
        <source>Backup written and checked:
{path}</source>
        <translation>Copia de siguranță a fost scrisă și verificată:
{path}</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>Se face copia de siguranță…</translation>
    </message>
    <message>
        <source>The registry is intact: {entries} entries, {events} audit events and {files} files checked.</source>
        <translation>Registrul este intact: s-au verificat {entries} înregistrări, {events} evenimente de audit și {files} fișiere.</translation>
    </message>
    <message>
        <source>Verification found {count} problems:</source>
        <translation>Verificarea a găsit {count} probleme:</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Verificarea integrității</translation>
    </message>
    <message>
        <source>Checking the database, the audit chain and every file…</source>
        <translation>Se verifică baza de date, jurnalul de audit și fiecare fișier…</translation>
    </message>
    <message>
        <source>new registration</source>
        <translation>înregistrare nouă</translation>
    </message>
    <message>
        <source>open the selected entry&apos;s card</source>
        <translation>deschide fișa înregistrării selectate</translation>
    </message>
    <message>
        <source>print the receipt</source>
        <translation>tipărește dovada</translation>
    </message>
    <message>
        <source>search</source>
        <translation>căutare</translation>
    </message>
    <message>
        <source>views: all, assigned to me, due soon, overdue, cancelled</source>
        <translation>vederi: toate, repartizate mie, termen apropiat, depășite, anulate</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>reîmprospătare</translation>
    </message>
    <message>
        <source>print the register</source>
        <translation>tipărește registrul</translation>
    </message>
    <message>
        <source>back up now</source>
        <translation>copie de siguranță acum</translation>
    </message>
    <message>
        <source>In the form</source>
        <translation>În formular</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab move, Enter or Ctrl+Enter registers, Ctrl+O adds a file, Ctrl+V pastes a scan, Esc closes</source>
        <translation>Tab / Shift+Tab trec de la un câmp la altul, Enter sau Ctrl+Enter înregistrează, Ctrl+O adaugă un fișier, Ctrl+V lipește o scanare, Esc închide</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scurtături de tastatură</translation>
    </message>
    <message>
        <source>Registru</source>
        <translation>Registru</translation>
    </message>
    <message>
        <source>A registration form is still open and what was typed in it is not registered. Close anyway?</source>
        <translation>Un formular de înregistrare este încă deschis, iar ce s-a scris în el nu este înregistrat. Închideți totuși?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Înapoi la formular</translation>
    </message>
    <message>
        <source>Registru {version}
The town hall&apos;s document registry.

Data: {data}
Log: {log}</source>
        <translation>Registru {version}
Registratura primăriei.

Date: {data}
Jurnal: {log}</translation>
    </message>
    <message>
        <source>About Registru</source>
        <translation>Despre Registru</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Utilizator nou</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— niciunul —</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nume de &amp;utilizator</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nume &amp;complet</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>&amp;Compartment</source>
        <translation>C&amp;ompartiment</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Parolă</translation>
    </message>
    <message>
        <source>R&amp;epeat the password</source>
        <translation>&amp;Repetă parola</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>&amp;Creează contul</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Cele două parole diferă.</translation>
    </message>
</context>
<context>
    <name>NomenclatorDialog</name>
    <message>
        <source>Nomenclator</source>
        <translation>Nomenclator</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Denumire</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Termen</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Prelungire</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Temei legal</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifică…</translation>
    </message>
    <message>
        <source>&amp;New document type…</source>
        <translation>Tip de document &amp;nou…</translation>
    </message>
    <message>
        <source>code, e.g. URB</source>
        <translation>cod, ex. URB</translation>
    </message>
    <message>
        <source>name</source>
        <translation>denumire</translation>
    </message>
    <message>
        <source>&amp;Add compartment</source>
        <translation>&amp;Adaugă compartimentul</translation>
    </message>
    <message>
        <source>&amp;Document types</source>
        <translation>&amp;Tipuri de documente</translation>
    </message>
    <message>
        <source>&amp;Compartments</source>
        <translation>&amp;Compartimente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>zile lucrătoare</translation>
    </message>
    <message>
        <source>days</source>
        <translation>zile</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(inactiv)</translation>
    </message>
</context>
<context>
    <name>PartyFields</name>
    <message>
        <source>optional</source>
        <translation>opțional</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nume</translation>
    </message>
    <message>
        <source>CNP / CUI</source>
        <translation>CNP / CUI</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresă</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for {user}</source>
        <translation>Parolă nouă pentru {user}</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Parolă</translation>
    </message>
    <message>
        <source>R&amp;epeat the password</source>
        <translation>&amp;Repetă parola</translation>
    </message>
    <message>
        <source>&amp;Set the password</source>
        <translation>&amp;Schimbă parola</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Cele două parole diferă.</translation>
    </message>
</context>
<context>
    <name>PrintRegisterDialog</name>
    <message>
        <source>Print the register</source>
        <translation>Tipărirea registrului</translation>
    </message>
    <message>
        <source>All registers</source>
        <translation>Toate registrele</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Azi</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>Luna &amp;curentă</translation>
    </message>
    <message>
        <source>Last mont&amp;h</source>
        <translation>Luna &amp;trecută</translation>
    </message>
    <message>
        <source>This &amp;year</source>
        <translation>Anul c&amp;urent</translation>
    </message>
    <message>
        <source>Last y&amp;ear</source>
        <translation>Anul t&amp;recut</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;De la</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Până la</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>Re&amp;gistrul</translation>
    </message>
    <message>
        <source>A4 landscape, the 13 columns of the general register; the last page is left for the certification.</source>
        <translation>A4 orizontal, cele 13 coloane ale registrului general; ultima pagină rămâne pentru certificare.</translation>
    </message>
    <message>
        <source>&amp;Make the PDF</source>
        <translation>&amp;Fă PDF-ul</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>ROMANIA</source>
        <translation>ROMÂNIA</translation>
    </message>
    <message>
        <source>{county} COUNTY</source>
        <translation>JUDEȚUL {county}</translation>
    </message>
    <message>
        <source>PROOF OF REGISTRATION</source>
        <translation>DOVADĂ DE ÎNREGISTRARE</translation>
    </message>
    <message>
        <source>Your document has been registered in the general register</source>
        <translation>Documentul dumneavoastră a fost înregistrat în registrul general al primăriei</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>Număr de înregistrare</translation>
    </message>
    <message>
        <source>of {date}</source>
        <translation>din {date}</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Data și ora</translation>
    </message>
    <message>
        <source>Petitioner</source>
        <translation>Petent</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatar</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Conținutul pe scurt</translation>
    </message>
    <message>
        <source>Your reference</source>
        <translation>Nr. și data documentului dvs.</translation>
    </message>
    <message>
        <source>Sheets / annexes</source>
        <translation>File / anexe</translation>
    </message>
    <message>
        <source>sheets: {pages}, annexes: {annexes}</source>
        <translation>file: {pages}, anexe: {annexes}</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Repartizat la</translation>
    </message>
    <message>
        <source>Legal deadline for the answer</source>
        <translation>Termenul legal de răspuns</translation>
    </message>
    <message>
        <source>no legal deadline</source>
        <translation>fără termen legal</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Înregistrat de</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Cod de verificare</translation>
    </message>
    <message>
        <source>Keep this proof. When you ask about your document, quote the registration number and the verification code.</source>
        <translation>Păstrați această dovadă. Când vă interesați de documentul depus, menționați numărul de înregistrare și codul de verificare.</translation>
    </message>
    <message>
        <source>not yet assigned</source>
        <translation>nerepartizat încă</translation>
    </message>
</context>
<context>
    <name>RegisterBook</name>
    <message>
        <source>GENERAL REGISTER OF INCOMING AND OUTGOING DOCUMENTS</source>
        <translation>REGISTRUL GENERAL DE INTRĂRI-IEȘIRI</translation>
    </message>
    <message>
        <source>Period: {start} – {end}</source>
        <translation>Perioada: {start} – {end}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>Pagina {page}</translation>
    </message>
    <message>
        <source>Printed on {date}</source>
        <translation>Tipărit la {date}</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>Nr. de înregistrare</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Data înregistrării</translation>
    </message>
    <message>
        <source>Issuer&apos;s no. and date</source>
        <translation>Nr. și data documentului</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Nr. de file</translation>
    </message>
    <message>
        <source>Annexes</source>
        <translation>Nr. de anexe</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emitentul</translation>
    </message>
    <message>
        <source>Summary of content</source>
        <translation>Conținutul pe scurt al documentului</translation>
    </message>
    <message>
        <source>Compartment assigned</source>
        <translation>Compartimentul căruia i s-a repartizat</translation>
    </message>
    <message>
        <source>Dispatch date</source>
        <translation>Data expedierii</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>Modul de rezolvare</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>Destinatarul</translation>
    </message>
    <message>
        <source>Joined to no.</source>
        <translation>Nr. de înregistrare la care se conexează</translation>
    </message>
    <message>
        <source>Dossier indicator</source>
        <translation>Indicativul dosarului</translation>
    </message>
    <message>
        <source>CANCELLED: {reason}</source>
        <translation>ANULAT: {reason}</translation>
    </message>
    <message>
        <source>reply no. {ref}</source>
        <translation>răspuns nr. {ref}</translation>
    </message>
    <message>
        <source>This print holds {count} entries on {pages} pages, registration numbers {first} to {last}.</source>
        <translation>Prezentul extras cuprinde {count} înregistrări pe {pages} pagini, de la numărul {first} până la numărul {last}.</translation>
    </message>
    <message>
        <source>No entries were registered in this period.</source>
        <translation>În această perioadă nu s-a înregistrat niciun document.</translation>
    </message>
    <message>
        <source>Certified: secretary general, name and signature</source>
        <translation>Certificat: secretarul general, nume și semnătură</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>L.S.</translation>
    </message>
</context>
<context>
    <name>RegistryModel</name>
    <message>
        <source>No.</source>
        <extracomment>(column key = sort key of local_db.table_queries.SORTS, header) total rows, or None while only a lower bound is known emitted before / after a query&apos;s first page replaces the model&apos;s content (new query or refresh)</extracomment>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tip document</translation>
    </message>
    <message>
        <source>Sender / recipient</source>
        <translation>Emitent / destinatar</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Conținut pe scurt</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsabil</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Termen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>se încarcă…</translation>
    </message>
</context>
<context>
    <name>RegistryPanel</name>
    <message>
        <source>Search number, name, subject… (Ctrl+F)</source>
        <translation>Caută număr, nume, conținut… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Căutare</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toți anii</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>An</translation>
    </message>
    <message>
        <source>All registers</source>
        <translation>Toate registrele</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registru</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tip înregistrare</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tip document</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Orice tip</translation>
    </message>
    <message>
        <source>Any document</source>
        <translation>Orice document</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Any compartment</source>
        <translation>Orice compartiment</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Orice stare</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Înregistrate de la</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>Înregistrate până la</translation>
    </message>
    <message>
        <source>&amp;Reset filters</source>
        <translation>Șterge &amp;filtrele</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de la</translation>
    </message>
    <message>
        <source>to</source>
        <translation>până la</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Se numără…</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} înregistrări</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve</source>
        <translation>Rezolvare</translation>
    </message>
    <message>
        <source>Re&amp;solve</source>
        <translation>Re&amp;zolvă</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>Mo&amp;d de rezolvare</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Observații</translation>
    </message>
    <message>
        <source>&amp;No written reply</source>
        <translation>&amp;Fără răspuns scris</translation>
    </message>
    <message>
        <source>The reply is &amp;already registered, no.:</source>
        <translation>Răspunsul este &amp;deja înregistrat, nr.:</translation>
    </message>
    <message>
        <source>Register the &amp;reply now (a new outgoing entry)</source>
        <translation>Înregistrează &amp;acum răspunsul (o ieșire nouă)</translation>
    </message>
    <message>
        <source>no./year, e.g. 130/2026</source>
        <translation>nr./an, ex. 130/2026</translation>
    </message>
    <message>
        <source>Reply to no. {ref}: {subject}</source>
        <translation>Răspuns la nr. {ref}: {subject}</translation>
    </message>
    <message>
        <source>Re&amp;cipient</source>
        <translation>Des&amp;tinatar</translation>
    </message>
    <message>
        <source>Add&amp;ress</source>
        <translation>Adr&amp;esă</translation>
    </message>
    <message>
        <source>Su&amp;bject</source>
        <translation>&amp;Conținut</translation>
    </message>
    <message>
        <source>Shee&amp;ts</source>
        <translation>&amp;File</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Setări</translation>
    </message>
    <message>
        <source>days</source>
        <translation>zile</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Alege…</translation>
    </message>
    <message>
        <source>&amp;Open receipts and prints in the PDF viewer when saved</source>
        <translation>&amp;Deschide dovezile și registrele tipărite în vizualizatorul PDF după salvare</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Limba</translation>
    </message>
    <message>
        <source>&apos;Due &amp;soon&apos; means within</source>
        <translation>„Termen &amp;apropiat” înseamnă în cel mult</translation>
    </message>
    <message>
        <source>&amp;Documents folder</source>
        <translation>&amp;Dosarul documentelor</translation>
    </message>
    <message>
        <source>Receipts and printed registers are always in Romanian.</source>
        <translation>Dovezile și registrele tipărite sunt întotdeauna în limba română.</translation>
    </message>
    <message>
        <source>Documents folder</source>
        <translation>Dosarul documentelor</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Registru — first set-up</source>
        <translation>Registru — prima configurare</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>Î&amp;nainte &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; Îna&amp;poi</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Gata</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Renunță</translation>
    </message>
    <message>
        <source>The town hall</source>
        <translation>Primăria</translation>
    </message>
    <message>
        <source>Which commune keeps this registry? These details head every receipt.</source>
        <translation>Ce comună ține acest registru? Aceste date apar în antetul fiecărei dovezi de înregistrare.</translation>
    </message>
    <message>
        <source>e.g. Comuna Florești</source>
        <translation>ex. Comuna Florești</translation>
    </message>
    <message>
        <source>e.g. 54975</source>
        <translation>ex. 54975</translation>
    </message>
    <message>
        <source>Commune &amp;name</source>
        <translation>&amp;Denumirea comunei</translation>
    </message>
    <message>
        <source>&amp;SIRUTA code</source>
        <translation>Codul &amp;SIRUTA</translation>
    </message>
    <message>
        <source>&amp;County</source>
        <translation>&amp;Județul</translation>
    </message>
    <message>
        <source>&amp;Address (optional)</source>
        <translation>&amp;Adresa (opțional)</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>Primul administrator</translation>
    </message>
    <message>
        <source>This account adds the clerks&apos; accounts and keeps the nomenclator. Other users are added after logging in, from the Administration menu.</source>
        <translation>Acest cont creează conturile registratorilor și ține nomenclatorul. Ceilalți utilizatori se adaugă după autentificare, din meniul Administrare.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nume de &amp;utilizator</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nume &amp;complet</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Parola</translation>
    </message>
    <message>
        <source>&amp;Repeat the password</source>
        <translation>&amp;Repetă parola</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Cele două parole diferă.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>User: {name} ({role})</source>
        <translation>Utilizator: {name} ({role})</translation>
    </message>
    <message>
        <source>Data: {path}</source>
        <translation>Date: {path}</translation>
    </message>
    <message>
        <source>To send: {count}</source>
        <translation>De trimis: {count}</translation>
    </message>
    <message>
        <source>Changes waiting to be sent to the county hub</source>
        <translation>Modificări care așteaptă să fie trimise la hubul județean</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>not connected to a hub</source>
        <translation>neconectat la hub</translation>
    </message>
    <message>
        <source>hub: synchronised at {time}</source>
        <translation>hub: sincronizat la {time}</translation>
    </message>
    <message>
        <source>hub unreachable (working offline)</source>
        <translation>hub indisponibil (se lucrează local)</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Renunță</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Vă rugăm așteptați</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>Cancel</source>
        <translation>Renunță</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Utilizatori</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilizator</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activ</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>Utilizator &amp;nou…</translation>
    </message>
    <message>
        <source>&amp;Disable / enable</source>
        <translation>&amp;Dezactivează / activează</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>Schimbă &amp;parola…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>da</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nu</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>All</source>
        <translation>Toate</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Repartizate mie</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Termen apropiat</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Depășite</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulate</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Unexpected error: {detail}. Details are in the log: {log}</source>
        <translation>Eroare neașteptată: {detail}. Detalii în jurnal: {log}</translation>
    </message>
    <message>
        <source>Registru</source>
        <translation>Registru</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Renunță</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Închide</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvează</translation>
    </message>
</context>
</TS>
