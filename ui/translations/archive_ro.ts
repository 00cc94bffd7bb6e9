<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ro_RO">
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approval of proposal no. {number}</source>
        <translation>Aprobarea propunerii nr. {number}</translation>
    </message>
    <message>
        <source>Act &amp;number</source>
        <translation>&amp;Numărul actului</translation>
    </message>
    <message>
        <source>Act &amp;date</source>
        <translation>&amp;Data actului</translation>
    </message>
    <message>
        <source>Dossiers &amp;confirmed</source>
        <translation>Dosare &amp;confirmate</translation>
    </message>
</context>
<context>
    <name>ArchiveArea</name>
    <message>
        <source>Filing &amp;plan</source>
        <translation>&amp;Nomenclator</translation>
    </message>
    <message>
        <source>&amp;Dossiers</source>
        <translation>&amp;Dosare</translation>
    </message>
    <message>
        <source>&amp;Transfer to the archive</source>
        <translation>&amp;Predare la arhivă</translation>
    </message>
    <message>
        <source>&amp;Loans</source>
        <translation>Î&amp;mprumuturi</translation>
    </message>
    <message>
        <source>Disposa&amp;l</source>
        <translation>&amp;Eliminare</translation>
    </message>
</context>
<context>
    <name>ArchiveHooks</name>
    <message>
        <source>Registru — Archive — {institution}</source>
        <translation>Registru — Arhivă — {institution}</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>Ar&amp;hivă</translation>
    </message>
    <message>
        <source>&amp;Open the archive</source>
        <translation>&amp;Deschide arhiva</translation>
    </message>
    <message>
        <source>&amp;File the selected entries into a dossier…</source>
        <translation>Îndosariază înregistrările &amp;selectate…</translation>
    </message>
    <message>
        <source>&amp;File…</source>
        <translation>Îndosa&amp;riază…</translation>
    </message>
    <message>
        <source>File this entry into a dossier of the filing plan</source>
        <translation>Îndosariază această înregistrare într-un dosar din nomenclator</translation>
    </message>
    <message>
        <source>File the entry just registered into a dossier</source>
        <translation>Îndosariază înregistrarea tocmai făcută</translation>
    </message>
</context>
<context>
    <name>ArchiveLabels</name>
    <message>
        <source>Open</source>
        <translation>Deschis</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Închis</translation>
    </message>
    <message>
        <source>In the archive</source>
        <translation>În arhivă</translation>
    </message>
    <message>
        <source>Lent</source>
        <translation>Împrumutat</translation>
    </message>
    <message>
        <source>Disposed of</source>
        <translation>Eliminat</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Propusă</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobată</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Executată</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retrasă</translation>
    </message>
    <message>
        <source>filed there before</source>
        <translation>îndosariate acolo înainte</translation>
    </message>
    <message>
        <source>document type</source>
        <translation>tipul documentului</translation>
    </message>
    <message>
        <source>compartment</source>
        <translation>compartiment</translation>
    </message>
    <message>
        <source>words of the title</source>
        <translation>cuvinte din titlu</translation>
    </message>
    <message>
        <source>permanent</source>
        <translation>permanent</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} ani</translation>
    </message>
    <message>
        <source>CS (committee)</source>
        <translation>CS (comisia)</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <source>Saved: {path}</source>
        <extracomment>a short message for the status line of the area ("Dossier 2025:I.A.7 closed") something changed that other archive screens show</extracomment>
        <translation>Salvat: {path}</translation>
    </message>
</context>
<context>
    <name>ArchivePdf</name>
    <message>
        <source>INVENTORY of the documents kept permanently</source>
        <translation>INVENTARUL documentelor cu termen de păstrare permanent</translation>
    </message>
    <message>
        <source>INVENTORY of the documents kept for a limited time</source>
        <translation>INVENTARUL documentelor cu termen de păstrare temporar</translation>
    </message>
    <message>
        <source>created in {year}</source>
        <translation>create în anul {year}</translation>
    </message>
    <message>
        <source>Compartment: {name}</source>
        <translation>Compartimentul: {name}</translation>
    </message>
    <message>
        <source>Handover no. {number} of {date}</source>
        <translation>Predarea nr. {number} din {date}</translation>
    </message>
    <message>
        <source>Draft — handover not recorded yet</source>
        <translation>Proiect — predarea nu a fost încă consemnată</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Dossier indicator (filing plan)</source>
        <translation>Indicativul dosarului (nomenclator)</translation>
    </message>
    <message>
        <source>Short content</source>
        <translation>Conținutul pe scurt</translation>
    </message>
    <message>
        <source>Extreme dates</source>
        <translation>Date extreme</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Termen de păstrare</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Observații</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Anul</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>permanent</source>
        <translation>permanent</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} ani</translation>
    </message>
    <message>
        <source>CS (selection committee)</source>
        <translation>CS (comisia de selecționare)</translation>
    </message>
    <message>
        <source>This inventory holds {dossiers} dossiers with {sheets} sheets in total.</source>
        <translation>Prezentul inventar cuprinde {dossiers} dosare, totalizând {sheets} file.</translation>
    </message>
    <message>
        <source>Dossiers missing (not handed over): {list}</source>
        <translation>Dosare lipsă (nepredate): {list}</translation>
    </message>
    <message>
        <source>Dossiers missing: none.</source>
        <translation>Dosare lipsă: nu sunt.</translation>
    </message>
    <message>
        <source>Numbers left open: none.</source>
        <translation>Numere rămase libere: nu sunt.</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Data: {date}</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Predat de</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Primit de</translation>
    </message>
    <message>
        <source>name and signature</source>
        <translation>numele și semnătura</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>Pagina {page}</translation>
    </message>
    <message>
        <source>HANDOVER RECORD</source>
        <translation>PROCES-VERBAL DE PREDARE-PRIMIRE</translation>
    </message>
    <message>
        <source>of the documents handed over to the archive</source>
        <translation>a documentelor predate la arhivă</translation>
    </message>
    <message>
        <source>Drawn up today, {date}, between {handed}, on behalf of the compartment {compartment}, who hands over, and {received}, in charge of the archive, who receives. The documents created in {year} were handed over to the archive: {dossiers} dossiers ({permanent} kept permanently, {temporary} for a limited time) with {sheets} sheets in total, as listed in the attached inventories.</source>
        <translation>Încheiat astăzi, {date}, între {handed}, din partea compartimentului {compartment}, în calitate de predător, și {received}, responsabil cu arhiva, în calitate de primitor. S-au predat la arhivă documentele create în anul {year}: {dossiers} dosare ({permanent} cu termen de păstrare permanent, {temporary} cu termen temporar), totalizând {sheets} file, conform inventarelor anexate.</translation>
    </message>
    <message>
        <source>Entered in the register of the archive's entries and exits under no. {number}.</source>
        <translation>Înregistrat în registrul de evidență a intrărilor și ieșirilor din arhivă la nr. {number}.</translation>
    </message>
    <message>
        <source>MINUTES OF THE SELECTION COMMITTEE</source>
        <translation>PROCES-VERBAL AL COMISIEI DE SELECȚIONARE</translation>
    </message>
    <message>
        <source>Proposal no. {number} for the disposal of documents whose retention has expired</source>
        <translation>Propunerea nr. {number} de eliminare a documentelor cu termenul de păstrare expirat</translation>
    </message>
    <message>
        <source>Minutes no. {number} of {date}</source>
        <translation>Proces-verbal nr. {number} din {date}</translation>
    </message>
    <message>
        <source>The selection committee — president: {president}; members: {members}; secretary: {secretary} — reviewed the documents whose retention has expired and proposes for disposal the following units, which have no practical or historical value:</source>
        <translation>Comisia de selecționare — președinte: {president}; membri: {members}; secretar: {secretary} — a analizat documentele cu termenul de păstrare expirat și propune pentru eliminare următoarele unități arhivistice, care nu au valoare practică sau istorică:</translation>
    </message>
    <message>
        <source>In total {dossiers} dossiers with {sheets} sheets are proposed for disposal.</source>
        <translation>Se propun pentru eliminare în total {dossiers} dosare, cu {sheets} file.</translation>
    </message>
    <message>
        <source>left out by the confirmation</source>
        <translation>exclus la confirmare</translation>
    </message>
    <message>
        <source>Confirmed by the National Archives, act no. {number} of {date}.</source>
        <translation>Confirmat de Arhivele Naționale prin actul nr. {number} din {date}.</translation>
    </message>
    <message>
        <source>Nothing may be destroyed before the confirmation of the county service of the National Archives.</source>
        <translation>Nimic nu poate fi distrus înainte de confirmarea serviciului județean al Arhivelor Naționale.</translation>
    </message>
    <message>
        <source>Disposal carried out on {date}.</source>
        <translation>Eliminarea a fost efectuată la {date}.</translation>
    </message>
    <message>
        <source>President</source>
        <translation>Președinte</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Secretar</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membru</translation>
    </message>
</context>
<context>
    <name>ClosingDialog</name>
    <message>
        <source>Year-end closing</source>
        <translation>Încheierea anului</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Se încarcă…</translation>
    </message>
    <message>
        <source>Close anyway; what is unresolved is recorded with the closing</source>
        <translation>Închide oricum; ce a rămas nerezolvat se consemnează la închidere</translation>
    </message>
    <message>
        <source>&amp;Close the year</source>
        <translation>În&amp;chide anul</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Anul</translation>
    </message>
    <message>
        <source>The year {year} was closed on {date}.</source>
        <translation>Anul {year} a fost închis la {date}.</translation>
    </message>
    <message>
        <source>Year {year}: {open} open dossiers will be closed. Entries in no dossier: {unfiled}. Incoming entries not resolved: {unresolved}.</source>
        <translation>Anul {year}: se vor închide {open} dosare deschise. Înregistrări neîndosariate: {unfiled}. Intrări nerezolvate: {unresolved}.</translation>
    </message>
    <message>
        <source>In no dossier:</source>
        <translation>Neîndosariate:</translation>
    </message>
    <message>
        <source>Not resolved:</source>
        <translation>Nerezolvate:</translation>
    </message>
    <message>
        <source>Empty dossiers: {list}</source>
        <translation>Dosare goale: {list}</translation>
    </message>
    <message>
        <source>Plan items without a dossier: {list}</source>
        <translation>Poziții din nomenclator fără dosar: {list}</translation>
    </message>
</context>
<context>
    <name>DisposalPage</name>
    <message>
        <source>Propose</source>
        <translation>Propune</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titlu</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Extreme dates</source>
        <translation>Date extreme</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Termen de păstrare</translation>
    </message>
    <message>
        <source>Expired on</source>
        <translation>Expirat la</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Loc</translation>
    </message>
    <message>
        <source>one member per line (the president and the members: an odd number)</source>
        <translation>câte un membru pe rând (președintele și membrii: număr impar)</translation>
    </message>
    <message>
        <source>&amp;President</source>
        <translation>Președ&amp;inte</translation>
    </message>
    <message>
        <source>&amp;Secretary</source>
        <translation>Se&amp;cretar</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>Mem&amp;brii</translation>
    </message>
    <message>
        <source>Minutes n&amp;o.</source>
        <translation>Nr. proces-&amp;verbal</translation>
    </message>
    <message>
        <source>&amp;Propose the ticked dossiers</source>
        <translation>Pr&amp;opune dosarele bifate</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Dosare</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Propusă</translation>
    </message>
    <message>
        <source>Approving act</source>
        <translation>Actul de confirmare</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Executată</translation>
    </message>
    <message>
        <source>Files removed</source>
        <translation>Fișiere șterse</translation>
    </message>
    <message>
        <source>Proposal (P&amp;DF)</source>
        <translation>Pro&amp;punerea (PDF)</translation>
    </message>
    <message>
        <source>Record the &amp;approval…</source>
        <translation>Consemnează &amp;aprobarea…</translation>
    </message>
    <message>
        <source>&amp;Dispose of them</source>
        <translation>E&amp;limină-le</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>Re&amp;trage…</translation>
    </message>
    <message>
        <source>Dossiers whose retention has expired. Dossiers kept permanently never appear here; “CS” dossiers are decided by the committee.</source>
        <translation>Dosare cu termenul de păstrare expirat. Dosarele permanente nu apar niciodată aici; despre dosarele „CS” decide comisia.</translation>
    </message>
    <message>
        <source>Nothing is destroyed before the National Archives confirm the proposal: record the approving act first.</source>
        <translation>Nimic nu se distruge înainte ca Arhivele Naționale să confirme propunerea: consemnați întâi actul de confirmare.</translation>
    </message>
    <message>
        <source>Proposal no. {number}: {count} dossiers</source>
        <translation>Propunerea nr. {number}: {count} dosare</translation>
    </message>
    <message>
        <source>Disposal</source>
        <translation>Eliminare</translation>
    </message>
    <message>
        <source>Dispose of the {count} dossiers of proposal no. {number}? Their files are removed from this computer (a file another record still uses is kept).</source>
        <translation>Eliminați cele {count} dosare din propunerea nr. {number}? Fișierele lor se șterg de pe acest calculator (un fișier folosit și de altă înregistrare se păstrează).</translation>
    </message>
    <message>
        <source>Dispose of them</source>
        <translation>Elimină-le</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Renunță</translation>
    </message>
    <message>
        <source>Proposal no. {number} executed: {count} dossiers disposed of, {removed} files removed</source>
        <translation>Propunerea nr. {number} a fost executată: {count} dosare eliminate, {removed} fișiere șterse</translation>
    </message>
    <message>
        <source>Withdraw proposal no. {number}</source>
        <translation>Retragerea propunerii nr. {number}</translation>
    </message>
    <message>
        <source>The dossiers become eligible again.</source>
        <translation>Dosarele redevin eligibile pentru eliminare.</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <source>Search the title or indicator… (Ctrl+F)</source>
        <translation>Căutați în titlu sau indicativ… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search dossiers</source>
        <translation>Căutare dosare</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicativ</translation>
    </message>
    <message>
        <source>Indicator starts with</source>
        <translation>Indicativul începe cu</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Anul</translation>
    </message>
    <message>
        <source>All compartments</source>
        <translation>Toate compartimentele</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Orice stare</translation>
    </message>
    <message>
        <source>Room, shelf, box</source>
        <translation>Depozit, raft, cutie</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Amplasare</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dosar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titlu</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Înregistrări</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Extreme dates</source>
        <translation>Date extreme</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Termen de păstrare</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Unde se află</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Conținut</translation>
    </message>
    <message>
        <source>&amp;Place…</source>
        <translation>&amp;Amplasare…</translation>
    </message>
    <message>
        <source>Room, shelf, box, sheets counted (F2)</source>
        <translation>Depozit, raft, cutie, file numărate (F2)</translation>
    </message>
    <message>
        <source>C&amp;lose the dossier</source>
        <translation>În&amp;chide dosarul</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>Re&amp;deschide…</translation>
    </message>
    <message>
        <source>Take the entry &amp;out</source>
        <translation>Sc&amp;oate înregistrarea</translation>
    </message>
    <message>
        <source>&amp;Year-end closing…</source>
        <translation>Încheierea &amp;anului…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toți anii</translation>
    </message>
    <message>
        <source>{count} dossiers</source>
        <translation>{count} dosare</translation>
    </message>
    <message>
        <source>lent to {who} until {due}</source>
        <translation>împrumutat lui {who} până la {due}</translation>
    </message>
    <message>
        <source>Choose a dossier to see its entries and where it is.</source>
        <translation>Alegeți un dosar pentru a vedea înregistrările lui și unde se află.</translation>
    </message>
    <message>
        <source>{status}; retention {retention}; {entries} entries, {sheets} sheets</source>
        <translation>{status}; termen de păstrare {retention}; {entries} înregistrări, {sheets} file</translation>
    </message>
    <message>
        <source>Kept until the end of {year}</source>
        <translation>Se păstrează până la sfârșitul anului {year}</translation>
    </message>
    <message>
        <source>Reopened: {reason}</source>
        <translation>Redeschis: {reason}</translation>
    </message>
    <message>
        <source>Lent to {who} ({compartment}) on {lent}, due back {due}; approved by {approver}.</source>
        <translation>Împrumutat lui {who} ({compartment}) la {lent}, de restituit până la {due}; aprobat de {approver}.</translation>
    </message>
    <message>
        <source>Overdue by {days} days.</source>
        <translation>Întârziere de {days} zile.</translation>
    </message>
    <message>
        <source>Kept at: {place}</source>
        <translation>Se află la: {place}</translation>
    </message>
    <message>
        <source>No place recorded yet.</source>
        <translation>Nu are încă un loc consemnat.</translation>
    </message>
    <message>
        <source>Dossier {ref} closed</source>
        <translation>Dosarul {ref} a fost închis</translation>
    </message>
    <message>
        <source>Reopen dossier {ref}</source>
        <translation>Redeschiderea dosarului {ref}</translation>
    </message>
    <message>
        <source>Filing into a closed dossier needs it reopened. The reason is recorded in the dossier and in the audit log.</source>
        <translation>Pentru a îndosaria într-un dosar închis, acesta trebuie redeschis. Motivul se consemnează în dosar și în jurnalul de audit.</translation>
    </message>
    <message>
        <source>Year {year} closed</source>
        <translation>Anul {year} a fost închis</translation>
    </message>
</context>
<context>
    <name>FileIntoDossierDialog</name>
    <message>
        <source>File into a dossier</source>
        <translation>Îndosariere</translation>
    </message>
    <message>
        <source>Looking for the right dossier…</source>
        <translation>Se caută dosarul potrivit…</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dosar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titlu</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Termen de păstrare</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Înregistrări</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>De ce</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Înd&amp;osariază</translation>
    </message>
    <message numerus="yes">
        <source>File %n entries into:</source>
        <translation><numerusform>Îndosariază %n înregistrare în:</numerusform><numerusform>Îndosariază %n înregistrări în:</numerusform><numerusform>Îndosariază %n de înregistrări în:</numerusform></translation>
    </message>
    <message>
        <source>File the entry into:</source>
        <translation>Îndosariază înregistrarea în:</translation>
    </message>
    <message>
        <source>The entry is in dossier {ref}. To move it, take it out there first.</source>
        <translation>Înregistrarea este în dosarul {ref}. Pentru a o muta, scoateți-o întâi de acolo.</translation>
    </message>
    <message>
        <source>The year has no open dossier and no plan item fits: open one from the filing plan.</source>
        <translation>Anul nu are niciun dosar deschis și nicio poziție din nomenclator nu se potrivește: deschideți un dosar din nomenclator.</translation>
    </message>
    <message>
        <source>(opened now)</source>
        <translation>(se deschide acum)</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <source>Lend dossier {ref}</source>
        <translation>Împrumutul dosarului {ref}</translation>
    </message>
    <message>
        <source>&amp;Borrower</source>
        <translation>Îm&amp;prumutat de</translation>
    </message>
    <message>
        <source>&amp;Compartment</source>
        <translation>&amp;Compartiment</translation>
    </message>
    <message>
        <source>&amp;Approved by</source>
        <translation>&amp;Aprobat de</translation>
    </message>
    <message>
        <source>&amp;Due back</source>
        <translation>&amp;Termen de restituire</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Scopul</translation>
    </message>
</context>
<context>
    <name>LoansPage</name>
    <message>
        <source>Only &amp;overdue</source>
        <translation>Doar cele în î&amp;ntârziere</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dosar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titlu</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Împrumutat de</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Lent on</source>
        <translation>Împrumutat la</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>Termen de restituire</translation>
    </message>
    <message>
        <source>Overdue (days)</source>
        <translation>Întârziere (zile)</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Prelungiri</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Aprobat de</translation>
    </message>
    <message>
        <source>Re&amp;new</source>
        <translation>Pre&amp;lungește</translation>
    </message>
    <message>
        <source>&amp;Returned</source>
        <translation>&amp;Restituit</translation>
    </message>
    <message>
        <source>dossier, e.g. 2024:I.A.7, or words of its title</source>
        <translation>dosarul, ex. 2024:I.A.7, sau cuvinte din titlu</translation>
    </message>
    <message>
        <source>&amp;Lend a dossier:</source>
        <translation>Împr&amp;umută un dosar:</translation>
    </message>
    <message>
        <source>&amp;Lend…</source>
        <translation>Împrum&amp;ută…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Loc</translation>
    </message>
    <message>
        <source>{count} dossiers out, {late} overdue</source>
        <translation>{count} dosare împrumutate, {late} în întârziere</translation>
    </message>
    <message>
        <source>Loan of {ref} renewed until {due}</source>
        <translation>Împrumutul dosarului {ref} a fost prelungit până la {due}</translation>
    </message>
    <message>
        <source>Dossier {ref} is back</source>
        <translation>Dosarul {ref} a fost restituit</translation>
    </message>
    <message>
        <source>Dossier {ref} lent to {who} until {due}</source>
        <translation>Dosarul {ref} a fost împrumutat lui {who} până la {due}</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>Where the dossier is kept — {ref}</source>
        <translation>Unde se păstrează dosarul {ref}</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Depozit / cameră</translation>
    </message>
    <message>
        <source>&amp;Shelf</source>
        <translation>&amp;Raft</translation>
    </message>
    <message>
        <source>&amp;Box</source>
        <translation>&amp;Cutie</translation>
    </message>
    <message>
        <source>Sheets &amp;counted by hand</source>
        <translation>File &amp;numărate manual</translation>
    </message>
    <message>
        <source>S&amp;heets</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Re&amp;marks</source>
        <translation>O&amp;bservații</translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <source>Filing plan item</source>
        <translation>Poziție în nomenclator</translation>
    </message>
    <message>
        <source>Change the filing plan item</source>
        <translation>Modificarea poziției din nomenclator</translation>
    </message>
    <message>
        <source>&amp;Indicator</source>
        <translation>&amp;Indicativ</translation>
    </message>
    <message>
        <source>e.g. I.A.7 or III/12</source>
        <translation>ex. I.A.7 sau III/12</translation>
    </message>
    <message>
        <source>Dossier &amp;title</source>
        <translation>&amp;Titlul dosarului</translation>
    </message>
    <message>
        <source>&amp;Compartment</source>
        <translation>&amp;Compartiment</translation>
    </message>
    <message>
        <source>&amp;Retention</source>
        <translation>Te&amp;rmen de păstrare</translation>
    </message>
    <message>
        <source>P, CS, CS 10 or years</source>
        <translation>P, CS, CS 10 sau numărul de ani</translation>
    </message>
    <message>
        <source>&amp;Document types filed here</source>
        <translation>&amp;Tipuri de documente îndosariate aici</translation>
    </message>
    <message>
        <source>codes, comma-separated (they help suggest the dossier)</source>
        <translation>coduri, separate prin virgulă (ajută la sugerarea dosarului)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Observații</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Year of the plan</source>
        <translation>Anul nomenclatorului</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Anul</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicativ</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Dossier title</source>
        <translation>Titlul dosarului</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Termen de păstrare</translation>
    </message>
    <message>
        <source>Document types</source>
        <translation>Tipuri de documente</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Dosare</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Observații</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Adaugă…</translation>
    </message>
    <message>
        <source>Add an item (Ins)</source>
        <translation>Adaugă o poziție (Ins)</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>&amp;Modifică…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ște&amp;rge</translation>
    </message>
    <message>
        <source>&amp;Copy last year's plan</source>
        <translation>&amp;Copiază nomenclatorul anului trecut</translation>
    </message>
    <message>
        <source>&amp;Import county template…</source>
        <translation>&amp;Importă modelul județului…</translation>
    </message>
    <message>
        <source>&amp;Open the dossier</source>
        <translation>Desc&amp;hide dosarul</translation>
    </message>
    <message>
        <source>Open this year's dossier of the selected item (Ctrl+D)</source>
        <translation>Deschide dosarul din acest an al poziției alese (Ctrl+D)</translation>
    </message>
    <message>
        <source>{count} items, {permanent} kept permanently.</source>
        <translation>{count} poziții, {permanent} cu păstrare permanentă.</translation>
    </message>
    <message>
        <source>The plan of this year is empty: copy last year's plan, import the county's template or add items.</source>
        <translation>Nomenclatorul acestui an este gol: copiați nomenclatorul anului trecut, importați modelul județului sau adăugați poziții.</translation>
    </message>
    <message>
        <source>Item {indicator} added to the plan of {year}</source>
        <translation>Poziția {indicator} a fost adăugată în nomenclatorul anului {year}</translation>
    </message>
    <message>
        <source>County filing plan template</source>
        <translation>Modelul de nomenclator al județului</translation>
    </message>
    <message>
        <source>Templates (*.json *.csv);;All files (*)</source>
        <translation>Modele (*.json *.csv);;Toate fișierele (*)</translation>
    </message>
    <message>
        <source>Plan of {year}: {added} items added, {same} already there.</source>
        <translation>Nomenclatorul anului {year}: {added} poziții adăugate, {same} existau deja.</translation>
    </message>
    <message>
        <source>Left unchanged because this year has them with other content: {list}.</source>
        <translation>Neschimbate, deoarece anul le are deja cu alt conținut: {list}.</translation>
    </message>
    <message>
        <source>Filing plan</source>
        <translation>Nomenclator arhivistic</translation>
    </message>
    <message>
        <source>Open a dossier in a closed year</source>
        <translation>Deschiderea unui dosar într-un an închis</translation>
    </message>
    <message>
        <source>The year {year} was closed. Say why this dossier is opened now; the reason is recorded.</source>
        <translation>Anul {year} a fost închis. Spuneți de ce se deschide acum acest dosar; motivul se consemnează.</translation>
    </message>
    <message>
        <source>Dossier {ref} opened: {title}</source>
        <translation>Dosarul {ref} a fost deschis: {title}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivul</translation>
    </message>
</context>
<context>
    <name>TransferPage</name>
    <message>
        <source>Year of the dossiers</source>
        <translation>Anul dosarelor</translation>
    </message>
    <message>
        <source>Compartment handing over</source>
        <translation>Compartimentul care predă</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Se predă</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titlu</translation>
    </message>
    <message>
        <source>Extreme dates</source>
        <translation>Date extreme</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Termen de păstrare</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Loc</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Anul</translation>
    </message>
    <message>
        <source>Compartment</source>
        <translation>Compartiment</translation>
    </message>
    <message>
        <source>Closed dossiers</source>
        <translation>Dosare închise</translation>
    </message>
    <message>
        <source>Due year</source>
        <translation>Anul predării</translation>
    </message>
    <message>
        <source>Handed over &amp;by</source>
        <translation>&amp;Predat de</translation>
    </message>
    <message>
        <source>&amp;Received by</source>
        <translation>Pr&amp;imit de</translation>
    </message>
    <message>
        <source>Archive r&amp;oom</source>
        <translation>Dep&amp;ozit arhivă</translation>
    </message>
    <message>
        <source>&amp;Shelf</source>
        <translation>&amp;Raft</translation>
    </message>
    <message>
        <source>Bo&amp;x</source>
        <translation>Cu&amp;tie</translation>
    </message>
    <message>
        <source>&amp;Inventory (PDF)</source>
        <translation>&amp;Inventar (PDF)</translation>
    </message>
    <message>
        <source>The inventory of the ticked dossiers, before the handover</source>
        <translation>Inventarul dosarelor bifate, înainte de predare</translation>
    </message>
    <message>
        <source>Record the &amp;handover</source>
        <translation>Consemnează pre&amp;darea</translation>
    </message>
    <message>
        <source>Tick a&amp;ll</source>
        <translation>Bifea&amp;ză tot</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>De&amp;bifează tot</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Dosare</translation>
    </message>
    <message>
        <source>of which permanent</source>
        <translation>din care permanente</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Predat de</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Primit de</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventar</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unități</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destinația</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documentul</translation>
    </message>
    <message>
        <source>Inventory and &amp;record (PDF)</source>
        <translation>Inventar și p&amp;roces-verbal (PDF)</translation>
    </message>
    <message>
        <source>Transfers made</source>
        <translation>Predări efectuate</translation>
    </message>
    <message>
        <source>Register of entries and exits</source>
        <translation>Registrul intrărilor și ieșirilor</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Anul</translation>
    </message>
    <message>
        <source>&amp;Compartment</source>
        <translation>&amp;Compartiment</translation>
    </message>
    <message>
        <source>Closed dossiers waiting for the archive (Enter picks one):</source>
        <translation>Dosare închise care așteaptă predarea la arhivă (Enter alege):</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>intrare</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>ieșire</translation>
    </message>
    <message>
        <source>disposal</source>
        <translation>eliminare</translation>
    </message>
    <message>
        <source>Transfer no. {number}: {count} dossiers went into the archive</source>
        <translation>Predarea nr. {number}: {count} dosare au intrat în arhivă</translation>
    </message>
</context>
</TS>