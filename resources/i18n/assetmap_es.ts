<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../assetmap/ui/about.py" line="46" />
        <location filename="../../assetmap/ui/about.py" line="47" />
        <source>About assetmap</source>
        <translation>Acerca de assetmap</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/about.py" line="50" />
        <source>assetmap logo</source>
        <translation>Logotipo de assetmap</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/about.py" line="52" />
        <source>Community asset and risk mapping for partnerships that protect children.</source>
        <translation>Mapeo de recursos comunitarios y riesgos para alianzas que protegen a la niñez.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/about.py" line="59" />
        <source>Licences and data sources</source>
        <translation>Licencias y fuentes de datos</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/about.py" line="64" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../../assetmap/ui/appearance.py" line="106" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/appearance.py" line="107" />
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/appearance.py" line="108" />
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/appearance.py" line="109" />
        <source>Largest</source>
        <translation>Muy grande</translation>
    </message>
</context>
<context>
    <name>AttributeTableDock</name>
    <message>
        <location filename="../../assetmap/ui/attribute_table.py" line="73" />
        <location filename="../../assetmap/ui/attribute_table.py" line="75" />
        <location filename="../../assetmap/ui/attribute_table.py" line="79" />
        <source>Attribute table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/attribute_table.py" line="83" />
        <source>The table lists every feature of one layer (one row each) with its information.

Type in the filter box to keep only rows containing that text. Click a column title to sort by it. Select rows to highlight those features on the map; clicking a feature on the map selects its row here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/attribute_table.py" line="87" />
        <source>Choose a layer in the Layers panel and press Table to see its rows here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/attribute_table.py" line="89" />
        <source>Filter rows…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/attribute_table.py" line="90" />
        <source>Filter rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/attribute_table.py" line="101" />
        <source>Features</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/attribute_table.py" line="112" />
        <source>Attribute table — {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="96" />
        <source>Merge conflicts</source>
        <translation>Conflictos al combinar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="103" />
        <source>Conflicting answers</source>
        <translation>Respuestas en conflicto</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="104" />
        <source>Entry</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="104" />
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="104" />
        <source>In the project</source>
        <translation>En el proyecto</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="105" />
        <source>In the package</source>
        <translation>En el paquete</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="105" />
        <source>Package by</source>
        <translation>Paquete de</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="111" />
        <source>Keep the &amp;project's version</source>
        <translation>Conservar la versión del &amp;proyecto</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="112" />
        <source>Keep the p&amp;ackage's version</source>
        <translation>Conservar la versión del p&amp;aquete</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="118" />
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="135" />
        <location filename="../../assetmap/ui/survey/dialogs.py" line="136" />
        <source>deleted</source>
        <translation>borrado</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="135" />
        <location filename="../../assetmap/ui/survey/dialogs.py" line="136" />
        <source>kept</source>
        <translation>conservado</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="144" />
        <source>Nothing has been overwritten. Choose which version to keep for each entry.</source>
        <translation>No se ha sobrescrito nada. Elija qué versión conservar para cada registro.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="145" />
        <source>No conflicts are waiting.</source>
        <translation>No hay conflictos pendientes.</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="99" />
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="102" />
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="103" />
        <source>Set the date to today</source>
        <translation>Poner la fecha de hoy</translation>
    </message>
</context>
<context>
    <name>DockHelp</name>
    <message>
        <location filename="../../assetmap/ui/accessible.py" line="26" />
        <source>Hint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/accessible.py" line="32" />
        <source>What is this panel for?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/accessible.py" line="33" />
        <source>Help about the {0} panel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/accessible.py" line="45" />
        <source>Help</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="22" />
        <source>assetmap</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="24" />
        <source>Error message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="36" />
        <source>Check the file or the choice named above and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="39" />
        <source>“{0}” needed more memory than this computer has free.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="41" />
        <source>Close other programs and try again, or use a smaller file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="43" />
        <source>“{0}” could not read or write a file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="44" />
        <source>Check that the file exists, is not open in another program, and that the disk is not full; then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="46" />
        <source>“{0}” stopped because of an unexpected problem.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="47" />
        <source>Your project was left as it was. Try again; if it happens again, press Show Details and send that text to whoever supports assetmap for you.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GeopointEditor</name>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="230" />
        <source>latitude, e.g. 38.627</source>
        <translation>latitud, p. ej. 38.627</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="231" />
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="233" />
        <source>longitude, e.g. -90.199</source>
        <translation>longitud, p. ej. -90.199</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="234" />
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="239" />
        <source>Pick on map</source>
        <translation>Marcar en el mapa</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="240" />
        <source>Pick the location on the map</source>
        <translation>Marcar el lugar en el mapa</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="245" />
        <source>Or choose the neighbourhood</source>
        <translation>O elija el barrio</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="246" />
        <location filename="../../assetmap/ui/survey/editors.py" line="254" />
        <source>— or choose the neighbourhood —</source>
        <translation>— o elija el barrio —</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="274" />
        <source>Give both latitude and longitude, or pick the place on the map.</source>
        <translation>Escriba la latitud y la longitud, o marque el lugar en el mapa.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="289" />
        <source>latitude</source>
        <translation>latitud</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="290" />
        <source>longitude</source>
        <translation>longitud</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="37" />
        <source>Layers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="39" />
        <location filename="../../assetmap/ui/layers_panel.py" line="42" />
        <source>Layers panel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="46" />
        <source>Everything drawn on the map is a layer: neighbourhood boundaries, community assets, resource hubs, report counts.

Tick a layer to show it, untick to hide it. Layers higher in the list are drawn on top: drag a layer up or down to change that. Choose a layer, then use the buttons to change its colours (Style), see its rows (Table), zoom to it, rename or remove it. Every change can be undone with Edit › Undo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="52" />
        <source>No layers yet: use File › Import layer… or drop a file on the map.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="54" />
        <source>Layer list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="55" />
        <source>Tick to show a layer; drag to change the drawing order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="64" />
        <source>&amp;Opacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="68" />
        <source>Layer opacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="76" />
        <source>Style…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="76" />
        <source>Style layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="76" />
        <source>Change the layer's colours and symbols</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="78" />
        <source>Table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="78" />
        <source>Table of layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="78" />
        <source>Show the layer's rows (attribute table)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="80" />
        <source>Zoom to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="80" />
        <source>Zoom to layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="80" />
        <source>Show the whole layer on the map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="82" />
        <source>Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="82" />
        <source>Rename layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="82" />
        <source>Change the name shown for the layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="84" />
        <source>Remove…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="84" />
        <source>Remove layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="84" />
        <source>Remove the layer from the project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/layers_panel.py" line="108" />
        <source>{0} · {1} · {2} features</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="27" />
        <source>assetmap main window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="40" />
        <source>Cursor coordinates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="42" />
        <source>Map scale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="93" />
        <source>Choose an assetmap project file (.gpkg).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="94" />
        <location filename="../../assetmap/ui/window_actions.py" line="152" />
        <source>Open project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="165" />
        <source>show {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="165" />
        <source>hide {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="169" />
        <source>opacity of {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="180" />
        <source>style of {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="185" />
        <source>Rename layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="185" />
        <source>Name shown:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="191" />
        <source>rename {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="197" />
        <source>Remove layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="198" />
        <source>Remove the layer “{0}” ({1} features) from the project?
You can undo this with Edit › Undo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/main_window.py" line="219" />
        <source>Style</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="23" />
        <source>Spatial data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="24" />
        <source>All files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="28" />
        <source>assetmap project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="51" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="52" />
        <source>&amp;New project…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="53" />
        <source>&amp;Open project…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="54" />
        <source>Open &amp;recent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="55" />
        <source>Save project &amp;as…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="57" />
        <source>&amp;Import layer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="58" />
        <source>&amp;Export map…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="60" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="61" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="62" />
        <location filename="../../assetmap/ui/window_actions.py" line="107" />
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="63" />
        <location filename="../../assetmap/ui/window_actions.py" line="107" />
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="65" />
        <source>Se&amp;ttings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="67" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="68" />
        <source>Zoom &amp;in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="69" />
        <source>Zoom &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="70" />
        <source>Zoom to &amp;all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="75" />
        <source>&amp;Layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="77" />
        <source>&amp;Style…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="78" />
        <source>Attribute &amp;table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="79" />
        <source>&amp;Zoom to layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="81" />
        <source>&amp;Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="82" />
        <source>Re&amp;move…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="83" />
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="85" />
        <source>Main toolbar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="108" />
        <source>&amp;Undo {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="109" />
        <source>&amp;Redo {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="160" />
        <source>New project</source>
        <translation>Proyecto nuevo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="167" />
        <source>The project could not be created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="168" />
        <source>Choose a folder you can write to (for example Documents) and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="181" />
        <location filename="../../assetmap/ui/window_actions.py" line="195" />
        <source>Save project as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="188" />
        <source>Copying to {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="199" />
        <source>Import layer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="210" />
        <location filename="../../assetmap/ui/window_actions.py" line="216" />
        <location filename="../../assetmap/ui/window_actions.py" line="238" />
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="211" />
        <source>Open or create a project first (File › Open project or File › New project), then import the layer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="217" />
        <source>What is this layer?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="229" />
        <source>Importing {0}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../assetmap/ui/window_actions.py" line="236" />
        <source>Imported %n layer(s)</source>
        <translation type="unfinished">
            <numerusform />
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="246" />
        <location filename="../../assetmap/ui/window_actions.py" line="271" />
        <source>Export map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="247" />
        <source>PNG image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="248" />
        <source>Web page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/window_actions.py" line="272" />
        <source>Exported {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="35" />
        <source>Make a field package</source>
        <translation>Preparar un paquete de campo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="37" />
        <source>A field package is a small project file for one volunteer: the form, their neighbourhoods and the base map. Give it to them on a USB stick or by e-mail; merge it back when they are done.</source>
        <translation>Un paquete de campo es un pequeño archivo de proyecto para un voluntario: el formulario, sus barrios y el mapa base. Entrégueselo en una memoria USB o por correo electrónico y combínelo de nuevo cuando termine.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="43" />
        <source>Volunteer's name</source>
        <translation>Nombre del voluntario</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="44" />
        <source>&amp;Volunteer's name:</source>
        <translation>Nombre del &amp;voluntario:</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="46" />
        <source>Neighbourhoods for this volunteer</source>
        <translation>Barrios de este voluntario</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="52" />
        <source>&amp;Neighbourhoods (none chosen = all):</source>
        <translation>&amp;Barrios (ninguno elegido = todos):</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="55" />
        <source>Package file</source>
        <translation>Archivo del paquete</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="56" />
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="60" />
        <source>&amp;Save as:</source>
        <translation>&amp;Guardar como:</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="70" />
        <source>Save the field package</source>
        <translation>Guardar el paquete de campo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="72" />
        <source>Field package (*.gpkg)</source>
        <translation>Paquete de campo (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="78" />
        <source>Type the volunteer's name: it goes with every entry they make.</source>
        <translation>Escriba el nombre del voluntario: se guarda con cada registro que haga.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/dialogs.py" line="81" />
        <source>Choose where to save the package.</source>
        <translation>Elija dónde guardar el paquete.</translation>
    </message>
</context>
<context>
    <name>PhotoEditor</name>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="301" />
        <source>Choose photo…</source>
        <translation>Elegir foto…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="303" />
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="304" />
        <source>Remove the photo</source>
        <translation>Quitar la foto</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="306" />
        <location filename="../../assetmap/ui/survey/editors.py" line="324" />
        <source>no photo</source>
        <translation>sin foto</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="313" />
        <source>Choose a photo</source>
        <translation>Elija una foto</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="314" />
        <source>Images (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../assetmap/ui/survey/entry_form.py" line="64" />
        <source>(required)</source>
        <translation>(obligatoria)</translation>
    </message>
</context>
<context>
    <name>SelectMultipleEditor</name>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="176" />
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="178" />
        <source>say what</source>
        <translation>diga cuál</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="179" />
        <source>Other, please specify</source>
        <translation>Otro, especifique</translation>
    </message>
</context>
<context>
    <name>SelectOneEditor</name>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="136" />
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="20" />
        <location filename="../../assetmap/ui/settings_dialog.py" line="21" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="25" />
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="29" />
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="32" />
        <source>A new language applies when assetmap restarts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="37" />
        <source>Text size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="43" />
        <source>&amp;Text size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="47" />
        <source>&amp;High contrast (white on black, yellow focus frame)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="48" />
        <source>High contrast</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="53" />
        <source>Background map address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="55" />
        <source>Optional. Map tiles from the internet drawn under your layers; leave empty to work fully offline.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="57" />
        <source>&amp;Background map (XYZ tiles)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="61" />
        <source>Background map credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="62" />
        <source>e.g. © OpenStreetMap contributors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="63" />
        <source>Background map &amp;credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="68" />
        <source>Save settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/settings_dialog.py" line="69" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SurveyDock</name>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="21" />
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
</context>
<context>
    <name>SurveyEntryForm</name>
    <message>
        <location filename="../../assetmap/ui/survey/entry_form.py" line="105" />
        <source>Form language</source>
        <translation>Idioma del formulario</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/entry_form.py" line="158" />
        <source>Survey form</source>
        <translation>Formulario de encuesta</translation>
    </message>
</context>
<context>
    <name>SurveyFeature</name>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="51" />
        <source>&amp;Survey</source>
        <translation>&amp;Encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="53" />
        <source>&amp;Enter survey responses</source>
        <translation>&amp;Registrar respuestas de la encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="54" />
        <source>Fill the asset survey form; every entry is saved at once</source>
        <translation>Llene el formulario de recursos; cada registro se guarda al instante</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="56" />
        <source>Use the built-in &amp;community asset form</source>
        <translation>Usar el formulario de &amp;recursos comunitarios incluido</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="57" />
        <source>Load an &amp;XLSForm…</source>
        <translation>Cargar un &amp;XLSForm…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="58" />
        <source>A form made for KoboToolbox or ODK (.xlsx)</source>
        <translation>Un formulario hecho para KoboToolbox u ODK (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="60" />
        <source>Make a &amp;field package…</source>
        <translation>Preparar un &amp;paquete de campo…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="61" />
        <source>&amp;Merge field packages…</source>
        <translation>&amp;Combinar paquetes de campo…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="62" />
        <source>Merge &amp;conflicts…</source>
        <translation>&amp;Conflictos al combinar…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="63" />
        <source>&amp;Import a KoboToolbox/ODK export…</source>
        <translation>&amp;Importar una exportación de KoboToolbox/ODK…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="65" />
        <source>Survey &amp;summary</source>
        <translation>&amp;Resumen de la encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="66" />
        <source>E&amp;xport responses…</source>
        <translation>E&amp;xportar respuestas…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="117" />
        <source>No survey form yet</source>
        <translation>Aún no hay formulario</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="118" />
        <source>This project has no survey form. Use the built-in community asset form?</source>
        <translation>Este proyecto no tiene formulario de encuesta. ¿Usar el formulario de recursos comunitarios incluido?</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="135" />
        <source>Load an XLSForm</source>
        <translation>Cargar un XLSForm</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="136" />
        <source>XLSForm (*.xlsx *.xls)</source>
        <translation>XLSForm (*.xlsx *.xls)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="144" />
        <source>Can't use this form</source>
        <translation>No se puede usar este formulario</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="147" />
        <source>Parts of this form are not supported</source>
        <translation>Algunas partes de este formulario no se admiten</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="155" />
        <source>Can't install the form</source>
        <translation>No se pudo instalar el formulario</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="160" />
        <source>Survey form “%1” is ready.</source>
        <translation>El formulario «%1» está listo.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="165" />
        <source>Click the map where the place is.</source>
        <translation>Haga clic en el mapa donde está el lugar.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="203" />
        <source>Make field package</source>
        <translation>Preparar paquete de campo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="212" />
        <location filename="../../assetmap/ui/survey/feature.py" line="227" />
        <source>Merge field packages</source>
        <translation>Combinar paquetes de campo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="213" />
        <source>Field packages (*.gpkg)</source>
        <translation>Paquetes de campo (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="240" />
        <source>Resolve conflicts…</source>
        <translation>Resolver conflictos…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="242" />
        <source>Merge report</source>
        <translation>Informe de la combinación</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="261" />
        <source>Import a KoboToolbox/ODK export</source>
        <translation>Importar una exportación de KoboToolbox/ODK</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="262" />
        <source>CSV export (*.csv)</source>
        <translation>Exportación CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="278" />
        <source>Import report</source>
        <translation>Informe de la importación</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="281" />
        <source>Import survey export</source>
        <translation>Importar exportación de encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="292" />
        <location filename="../../assetmap/ui/survey/feature.py" line="294" />
        <source>Survey summary</source>
        <translation>Resumen de la encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="304" />
        <location filename="../../assetmap/ui/survey/feature.py" line="315" />
        <source>Export survey responses</source>
        <translation>Exportar respuestas de la encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="305" />
        <source>CSV (*.csv);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</source>
        <translation>CSV (*.csv);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/feature.py" line="317" />
        <source>Responses exported to %1</source>
        <translation>Respuestas exportadas a %1</translation>
    </message>
</context>
<context>
    <name>SurveyModeWindow</name>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="27" />
        <source>assetmap — survey</source>
        <translation>assetmap — encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="28" />
        <source>Survey window</source>
        <translation>Ventana de encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="38" />
        <source>Open the field package your survey lead gave you (File › Open field package).</source>
        <translation>Abra el paquete de campo que le dio su coordinador (Archivo › Abrir paquete de campo).</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="56" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="57" />
        <source>&amp;Open field package…</source>
        <translation>&amp;Abrir paquete de campo…</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="60" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="61" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="62" />
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="63" />
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="66" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="67" />
        <source>&amp;How to survey</source>
        <translation>&amp;Cómo hacer la encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="68" />
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="70" />
        <source>Survey tools</source>
        <translation>Herramientas de encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="82" />
        <source>How to survey</source>
        <translation>Cómo hacer la encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="83" />
        <source>1. Type your name at the top: it is saved with every entry.
2. For each place, group or person you find, answer the questions. Questions marked * are needed.
3. For the location, click “Pick on map” and then the place on the map, or choose the neighbourhood.
4. Press “Save and next” (Ctrl+S). The entry is saved at once, even if the battery dies later.
5. To fix an entry, choose it in “My entries” and press Edit. Ctrl+Z undoes.
6. When you are done, give the package file back to your survey lead.</source>
        <translation>1. Escriba su nombre arriba: se guarda con cada registro.
2. Para cada lugar, grupo o persona que encuentre, conteste las preguntas. Las preguntas con * son necesarias.
3. Para la ubicación, pulse «Marcar en el mapa» y luego el lugar en el mapa, o elija el barrio.
4. Pulse «Guardar y siguiente» (Ctrl+S). El registro se guarda al instante, aunque luego se acabe la batería.
5. Para corregir un registro, elíjalo en «Mis registros» y pulse Editar. Ctrl+Z deshace.
6. Cuando termine, devuelva el archivo del paquete a su coordinador.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="93" />
        <source>Open field package</source>
        <translation>Abrir paquete de campo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="94" />
        <source>Field package (*.gpkg)</source>
        <translation>Paquete de campo (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="107" />
        <source>Can't open this file</source>
        <translation>No se puede abrir este archivo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="110" />
        <source>No survey in this file</source>
        <translation>Este archivo no tiene encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="111" />
        <source>This file has no survey form. Ask your survey lead for your field package.</source>
        <translation>Este archivo no tiene formulario de encuesta. Pida su paquete de campo a su coordinador.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="118" />
        <source>%1 — survey</source>
        <translation>%1 — encuesta</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="177" />
        <source>My entries</source>
        <translation>Mis registros</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/survey_mode.py" line="210" />
        <source>Click the map where the place is.</source>
        <translation>Haga clic en el mapa donde está el lugar.</translation>
    </message>
</context>
<context>
    <name>SurveyPanel</name>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="44" />
        <source>&amp;Your name:</source>
        <translation>&amp;Su nombre:</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="46" />
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="47" />
        <source>saved with every entry</source>
        <translation>se guarda con cada registro</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="63" />
        <source>&amp;Save and next</source>
        <translation>&amp;Guardar y siguiente</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="64" />
        <source>Save this entry now (Ctrl+S) and start a new one</source>
        <translation>Guardar este registro ahora (Ctrl+S) y empezar otro</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="67" />
        <source>&amp;New entry</source>
        <translation>&amp;Nuevo registro</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="68" />
        <source>Clear the form without saving</source>
        <translation>Vaciar el formulario sin guardar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="76" />
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="83" />
        <source>&amp;My entries</source>
        <translation>&amp;Mis registros</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="85" />
        <source>My entries</source>
        <translation>Mis registros</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="91" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="93" />
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="95" />
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="148" />
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="175" />
        <source>Please type your name at the top first: it is saved with every entry.</source>
        <translation>Escriba primero su nombre arriba: se guarda con cada registro.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../assetmap/ui/survey/panel.py" line="180" />
        <source>Not saved yet: %n question(s) need an answer or a fix.</source>
        <translation>
            <numerusform>Aún no se guardó: %n pregunta necesita una respuesta o una corrección.</numerusform><numerusform>Aún no se guardó: %n preguntas necesitan una respuesta o una corrección.</numerusform></translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="197" />
        <source>Saved “%1” at %2. Ready for the next entry.</source>
        <translation>Guardado «%1» a las %2. Listo para el siguiente registro.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="210" />
        <source>Editing “%1”. Save to keep the changes.</source>
        <translation>Editando «%1». Guarde para conservar los cambios.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="219" />
        <source>Delete entry</source>
        <translation>Borrar registro</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/panel.py" line="220" />
        <source>Delete “%1”? You can undo this.</source>
        <translation>¿Borrar «%1»? Puede deshacerlo.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="102" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../assetmap/ui/workers.py" line="104" />
        <source>{0} progress</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="71" />
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/survey/editors.py" line="73" />
        <source>a number</source>
        <translation>un número</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="91" />
        <source>Save the new project as</source>
        <translation>Guardar el proyecto nuevo como</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="93" />
        <source>assetmap project (*.gpkg)</source>
        <translation>Proyecto de assetmap (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="104" />
        <source>New project</source>
        <translation>Proyecto nuevo</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="24" />
        <location filename="../../assetmap/ui/welcome.py" line="29" />
        <source>Welcome to assetmap</source>
        <translation>Bienvenido a assetmap</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="25" />
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="35" />
        <source>One map of your neighbourhoods: community assets, resource hubs, where reports concentrate, and the teams' territories. What would you like to do?</source>
        <translation>Un solo mapa de sus barrios: recursos comunitarios, centros de servicios, dónde se concentran los reportes y los territorios de los equipos. ¿Qué desea hacer?</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="41" />
        <source>Look around the demo project</source>
        <translation>Explorar el proyecto de demostración</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="42" />
        <source>Real St. Louis neighbourhoods, to try things out. Nothing you do there matters.</source>
        <translation>Barrios reales de St. Louis para probar. Nada de lo que haga allí tiene consecuencias.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="43" />
        <source>Start a project from my neighbourhood boundaries</source>
        <translation>Empezar un proyecto con los límites de mis barrios</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="44" />
        <source>Choose the boundary file from your city's GIS office (shapefile, GeoJSON, GeoPackage).</source>
        <translation>Elija el archivo de límites de la oficina SIG de su ciudad (shapefile, GeoJSON, GeoPackage).</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="45" />
        <source>Join a survey (open a field package)</source>
        <translation>Unirse a una encuesta (abrir un paquete de campo)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="46" />
        <source>Your survey lead gave you a file: open it to enter what you find door to door.</source>
        <translation>Su coordinador le dio un archivo: ábralo para registrar lo que encuentre de puerta en puerta.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="47" />
        <source>Open a project I already have</source>
        <translation>Abrir un proyecto que ya tengo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="47" />
        <source>A .gpkg project file.</source>
        <translation>Un archivo de proyecto .gpkg.</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="55" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="56" />
        <source>Close without choosing</source>
        <translation>Cerrar sin elegir</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="68" />
        <source>Choose your neighbourhood boundaries</source>
        <translation>Elija los límites de sus barrios</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="69" />
        <source>Boundaries (*.shp *.zip *.geojson *.json *.gpkg *.fgb *.kml)</source>
        <translation>Límites (*.shp *.zip *.geojson *.json *.gpkg *.fgb *.kml)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="70" />
        <source>Open your field package</source>
        <translation>Abra su paquete de campo</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="70" />
        <source>Field package (*.gpkg)</source>
        <translation>Paquete de campo (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="71" />
        <source>Open a project</source>
        <translation>Abrir un proyecto</translation>
    </message>
    <message>
        <location filename="../../assetmap/ui/welcome.py" line="71" />
        <source>assetmap project (*.gpkg)</source>
        <translation>Proyecto de assetmap (*.gpkg)</translation>
    </message>
</context>
</TS>