<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<%-- after a refused save the form shows what was typed; otherwise the stored frame --%>
<c:set var="posted" value="${pageContext.request.method == 'POST'}"/>
<c:set var="frameType" value="${posted ? param.frame_type : frame.frameType()}"/>
<c:set var="shape" value="${posted ? param.shape : frame.shape()}"/>
<c:set var="rim" value="${posted ? param.rim : frame.rim()}"/>
<c:set var="material" value="${posted ? param.material : frame.material()}"/>
<c:set var="gender" value="${posted ? param.gender : frame.gender()}"/>
<c:set var="frameStatus" value="${posted ? param.status : frame.status()}"/>
<m:page title="Frame">
<p><a id="back" href="<c:out value='${pageContext.request.contextPath}'/>/admin/frames">Back to the frames</a></p>
<div class="card">
  <h2 id="frame-name"><c:out value="${frame.name()}"/></h2>
  <p class="muted">SKU <code><c:out value="${frame.sku()}"/></code> · id <code><c:out value="${frame.id()}"/></code>
     · version <c:out value="${version}"/> · updated <c:out value="${frame.updatedAt()}"/></p>
  <h2>Quality</h2>
  <p>Score <c:out value="${frame.quality().score()}"/> (1 is complete).</p>
  <c:choose>
    <c:when test="${empty frame.quality().issues()}"><p id="quality"><span class="badge ok">no issues</span></p></c:when>
    <c:otherwise>
      <ul id="quality">
        <c:forEach var="issue" items="${frame.quality().issues()}"><li><span class="badge warn"><c:out value="${issue}"/></span></li></c:forEach>
      </ul>
    </c:otherwise>
  </c:choose>
</div>

<h2>Edit</h2>
<m:form action="/admin/frames/${frame.id()}" css="card">
  <input type="hidden" name="version" value="<c:out value='${posted ? param.version : version}'/>">
  <div class="row">
    <div>
      <label for="sku">SKU</label>
      <input id="sku" name="sku" maxlength="64" required value="<c:out value='${posted ? param.sku : frame.sku()}'/>">
    </div>
    <div>
      <label for="name">Name</label>
      <input id="name" name="name" maxlength="200" required value="<c:out value='${posted ? param.name : frame.name()}'/>">
    </div>
  </div>
  <div class="row">
    <div>
      <label for="brand">Brand</label>
      <input id="brand" name="brand" maxlength="100" value="<c:out value='${posted ? param.brand : frame.brand()}'/>">
    </div>
    <div>
      <label for="model">Model</label>
      <input id="model" name="model" maxlength="100" value="<c:out value='${posted ? param.model : frame.model()}'/>">
    </div>
    <div>
      <label for="color">Color</label>
      <input id="color" name="color" maxlength="50" value="<c:out value='${posted ? param.color : frame.color()}'/>">
    </div>
  </div>
  <label for="description">Description</label>
  <textarea id="description" name="description" maxlength="5000" rows="5"><c:out value="${posted ? param.description : frame.description()}"/></textarea>
  <div class="row">
    <div>
      <label for="frame_type">Type</label>
      <select id="frame_type" name="frame_type">
        <c:forEach var="t" items="${frameTypes}">
          <option value="<c:out value='${t}'/>"<c:if test="${frameType == t}"> selected</c:if>><c:out value="${t}"/></option>
        </c:forEach>
      </select>
    </div>
    <div>
      <label for="shape">Shape</label>
      <select id="shape" name="shape">
        <c:forEach var="t" items="${shapes}">
          <option value="<c:out value='${t}'/>"<c:if test="${shape == t}"> selected</c:if>><c:out value="${t}"/></option>
        </c:forEach>
      </select>
    </div>
    <div>
      <label for="rim">Rim</label>
      <select id="rim" name="rim">
        <option value="">not given</option>
        <c:forEach var="t" items="${rims}">
          <option value="<c:out value='${t}'/>"<c:if test="${rim == t}"> selected</c:if>><c:out value="${t}"/></option>
        </c:forEach>
      </select>
    </div>
    <div>
      <label for="material">Material</label>
      <select id="material" name="material">
        <option value="">not given</option>
        <c:forEach var="t" items="${materials}">
          <option value="<c:out value='${t}'/>"<c:if test="${material == t}"> selected</c:if>><c:out value="${t}"/></option>
        </c:forEach>
      </select>
    </div>
    <div>
      <label for="gender">Gender</label>
      <select id="gender" name="gender">
        <option value="">not given</option>
        <c:forEach var="t" items="${genders}">
          <option value="<c:out value='${t}'/>"<c:if test="${gender == t}"> selected</c:if>><c:out value="${t}"/></option>
        </c:forEach>
      </select>
    </div>
  </div>
  <div class="row">
    <div>
      <label for="price_amount">Price</label>
      <input id="price_amount" name="price_amount" inputmode="decimal" maxlength="20" required value="<c:out value='${posted ? param.price_amount : amount}'/>">
    </div>
    <div>
      <label for="price_currency">Currency</label>
      <input id="price_currency" name="price_currency" maxlength="3" required value="<c:out value='${posted ? param.price_currency : frame.price().currency()}'/>">
    </div>
    <div>
      <label for="stock">Stock</label>
      <input id="stock" name="stock" inputmode="numeric" maxlength="7" value="<c:out value='${posted ? param.stock : frame.stock()}'/>">
    </div>
    <div>
      <label for="status">Status</label>
      <select id="status" name="status">
        <c:forEach var="t" items="${statuses}">
          <option value="<c:out value='${t}'/>"<c:if test="${frameStatus == t}"> selected</c:if>><c:out value="${t}"/></option>
        </c:forEach>
      </select>
    </div>
  </div>
  <button type="submit" id="save">Save</button>
  <p class="hint">Measurements, images, tags and translations are kept as they are. A new name or description drops the translations. If someone else saved the frame since you opened it, the save is refused: reload the page to see their change.</p>
</m:form>
</m:page>
